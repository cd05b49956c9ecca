import { FONT } from "./official-style";

/**
 * word/fontTable.xml naming, for each official font, what to use when it is missing:
 * w:altName (read by Word and WPS), the GB2312 charset (86) and the family, so the
 * substitute is a Chinese font of the same kind (serif 宋/仿宋, sans 黑体, script 楷体).
 */
const FONTS: Array<{ name: string; alt: string; family: "roman" | "modern" | "script" | "swiss"; pitch: "variable" | "fixed" }> = [
  { name: FONT.title, alt: "小标宋", family: "roman", pitch: "variable" },
  { name: FONT.body, alt: "仿宋", family: "modern", pitch: "fixed" },
  { name: FONT.heading1, alt: "SimHei", family: "modern", pitch: "fixed" },
  { name: FONT.heading2, alt: "楷体", family: "script", pitch: "fixed" },
  { name: "宋体", alt: "SimSun", family: "roman", pitch: "variable" },
];

export function fontTableXml(): string {
  const fonts = FONTS.map(
    (f) =>
      `<w:font w:name="${f.name}"><w:altName w:val="${f.alt}"/><w:charset w:val="86"/><w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/></w:font>`,
  ).join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
    `<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
    `<w:font w:name="${FONT.latin}"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>` +
    fonts +
    `</w:fonts>`
  );
}
