import { createHash, createHmac } from "crypto";
import { equalHex, fromHex, hmacSha256, sha256, toHex } from "../../src/domain/hmac-sha256";

const utf8 = (s: string) => new TextEncoder().encode(s);
const bytes = (n: number, b: number) => new Uint8Array(n).fill(b);
/** Node's own implementation is the oracle for every vector below, besides the published digests. */
const nodeSha = (m: Uint8Array) => createHash("sha256").update(m).digest("hex");
const nodeHmac = (k: Uint8Array, m: Uint8Array) => createHmac("sha256", k).update(m).digest("hex");

describe("SHA-256 on the FIPS 180-4 / NIST examples", () => {
  it.each([
    ["empty input", new Uint8Array(0), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"],
    ["“abc” (one block)", utf8("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"],
    [
      "the 448-bit message (56 bytes: the length no longer fits, a second block)",
      utf8("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    ],
    [
      "the 896-bit message (112 bytes, two blocks of data)",
      utf8("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"),
      "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1",
    ],
    ["one million “a” (15,625 blocks)", bytes(1_000_000, 0x61), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"],
  ])("%s", (_name, message, digest) => {
    expect(toHex(sha256(message))).toBe(digest);
    expect(digest).toBe(nodeSha(message));
  });

  it("agrees with Node at every length where the padding changes: 55, 56, 63, 64, 65, 119, 120, 128 bytes", () => {
    for (const n of [1, 54, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 129]) {
      const message = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 0xff);
      expect([n, toHex(sha256(message))]).toEqual([n, nodeSha(message)]);
    }
  });
});

describe("HMAC-SHA-256 on the RFC 4231 test cases", () => {
  const key4 = Uint8Array.from({ length: 25 }, (_, i) => i + 1);
  it.each([
    ["1: 20-byte key", bytes(20, 0x0b), utf8("Hi There"), "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"],
    ["2: key shorter than the output", utf8("Jefe"), utf8("what do ya want for nothing?"), "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"],
    ["3: 50 bytes of 0xdd", bytes(20, 0xaa), bytes(50, 0xdd), "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"],
    ["4: 25-byte key 0x01…0x19", key4, bytes(50, 0xcd), "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"],
    [
      "6: 131-byte key, longer than the block (hashed first)",
      bytes(131, 0xaa),
      utf8("Test Using Larger Than Block-Size Key - Hash Key First"),
      "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
    ],
    [
      "7: long key and data longer than the block",
      bytes(131, 0xaa),
      utf8(
        "This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.",
      ),
      "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2",
    ],
  ])("case %s", (_name, key, data, mac) => {
    expect(toHex(hmacSha256(key, data))).toBe(mac);
    expect(mac).toBe(nodeHmac(key, data));
  });

  it("case 5: the first 128 bits, as the RFC truncates them", () => {
    expect(toHex(hmacSha256(bytes(20, 0x0c), utf8("Test With Truncation"))).slice(0, 32)).toBe("a3b6167473100ee06e0c796c2955552b");
  });

  it("keys of exactly 64 and 65 bytes, and an empty message, match Node", () => {
    for (const key of [bytes(64, 0x42), bytes(65, 0x42), new Uint8Array(0)]) {
      for (const message of [new Uint8Array(0), utf8("本期进展情况")]) {
        expect([key.length, message.length, toHex(hmacSha256(key, message))]).toEqual([key.length, message.length, nodeHmac(key, message)]);
      }
    }
  });
});

describe("hex text of a key or checksum", () => {
  it("reads pairs of hex digits in either case, and nothing for an empty text", () => {
    expect(Array.from(fromHex("00ff7F0a"))).toEqual([0x00, 0xff, 0x7f, 0x0a]);
    expect(Array.from(fromHex("ABCDEF"))).toEqual([0xab, 0xcd, 0xef]);
    expect(fromHex("")).toEqual(new Uint8Array(0));
    expect(toHex(fromHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"))).toBe("0b".repeat(20));
  });

  it("refuses anything that is not whole pairs of hex digits", () => {
    for (const bad of ["abc", "zz", "0g", "xx00", "00xx", "00 11", "0x1f", "ab\n"]) {
      expect(() => fromHex(bad)).toThrow("not hex");
    }
  });

  it("a key written as hex signs exactly as the same key in bytes", () => {
    expect(toHex(hmacSha256(fromHex("4a656665"), utf8("what do ya want for nothing?")))).toBe(
      "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
    );
  });

  it("compares checksums: equal only when every character is", () => {
    const mac = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";
    expect(equalHex(mac, mac)).toBe(true);
    expect(equalHex(mac, mac.slice())).toBe(true);
    expect(equalHex("", "")).toBe(true);
    expect(equalHex(mac, `${mac.slice(0, -1)}2`)).toBe(false);
    expect(equalHex(mac, `0${mac.slice(1)}`)).toBe(false);
    expect(equalHex("ab", "ba")).toBe(false);
    expect(equalHex(mac.slice(0, 10), mac)).toBe(false);
    expect(equalHex(mac, mac.slice(0, 10))).toBe(false);
    expect(equalHex("", mac)).toBe(false);
  });
});
