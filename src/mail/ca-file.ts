import { readFileSync } from "fs";

/**
 * Extra certificates to trust for one mail server (an office's own CA), read from a PEM
 * file; the system's CAs stay trusted and verification is never switched off.
 */
export function readCaFile(file: string, option: string): string {
  let pem: string;
  try {
    pem = readFileSync(file, "utf8");
  } catch (e) {
    throw new Error(`读不到 ${option} 指定的证书文件 ${file}（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）。请给出 PEM 格式证书的路径。`);
  }
  if (!pem.includes("-----BEGIN CERTIFICATE-----")) throw new Error(`${file} 不是 PEM 格式的证书（应以 -----BEGIN CERTIFICATE----- 开头）。`);
  return pem;
}
