import * as CFB from "cfb";

const utf16 = (s: string) => Buffer.from(`${s}\0`, "utf16le");

/**
 * An Outlook message as [MS-OXMSG] lays it out: property streams named __substg1.0_<tag>,
 * a root property stream with a 32-byte header, one storage per attachment whose property
 * stream has an 8-byte header. Written with cfb, so the reader meets a real Compound File.
 */
export function outlookMsg(opts: { subject: string; messageClass?: string; attachments: Array<{ name: string; data: Uint8Array }> }): Uint8Array {
  const msg = CFB.utils.cfb_new();
  const add = (name: string, data: Uint8Array) => CFB.utils.cfb_add(msg, `/${name}`, Buffer.from(data));
  add("__properties_version1.0", new Uint8Array(32));
  if (opts.messageClass !== "") add("__substg1.0_001A001F", utf16(opts.messageClass ?? "IPM.Note"));
  add("__substg1.0_0037001F", utf16(opts.subject));
  add("__substg1.0_0C1A001F", utf16("省外办 联络员"));
  add("__substg1.0_5D01001F", utf16("lly@wb.test"));
  opts.attachments.forEach((a, i) => {
    const dir = `__attach_version1.0_#${i.toString(16).toUpperCase().padStart(8, "0")}`;
    add(`${dir}/__properties_version1.0`, new Uint8Array(8));
    add(`${dir}/__substg1.0_3707001F`, utf16(a.name));
    add(`${dir}/__substg1.0_37010102`, a.data);
  });
  return new Uint8Array(CFB.write(msg, { type: "buffer" }) as Buffer);
}
