/**
 * The list fingerprint in _meta (list_hash): a tracker compares it with a list's to tell
 * whether the list changed, so it must stay the same across versions of the add-in for the
 * same text. Its first half is plain FNV-1a (32-bit); the published FNV test vectors pin it.
 */
import { listFingerprint } from "../../src/blueprint/hash";

describe("list fingerprint", () => {
  it("starts with FNV-1a of the text (the published vectors)", () => {
    // FNV-1a 32-bit: "" → 811c9dc5, "a" → e40c292c, "foobar" → bf9cf968 (Fowler/Noll/Vo test suite).
    expect(listFingerprint("").slice(0, 8)).toBe("811c9dc5");
    expect(listFingerprint("a").slice(0, 8)).toBe("e40c292c");
    expect(listFingerprint("foobar").slice(0, 8)).toBe("bf9cf968");
  });

  it("is the same as trackers already store for the same text", () => {
    // Values written by earlier versions: a change here would make every saved tracker's list look changed.
    expect(listFingerprint("")).toBe("811c9dc55ad1e806");
    expect(listFingerprint("a")).toBe("e40c292c5f706f86");
    expect(listFingerprint("foobar")).toBe("bf9cf96828b56a60");
    expect(listFingerprint("省教育厅")).toBe("cd15fc664aa96501");
  });

  it("keeps leading zeros, so it is always 16 hex digits", () => {
    // "68" hashes to 0x0de8d5a3 in its first half, "90" to 0x0399fbfa in its second.
    expect(listFingerprint("68")).toBe("0de8d5a3b3a543b1");
    expect(listFingerprint("90")).toBe("0bfe98cc0399fbfa");
    for (let i = 0; i < 200; i++) expect(listFingerprint(`任务${i}`)).toMatch(/^[0-9a-f]{16}$/);
  });

  it("tells apart texts that differ in one character, in order, or in length", () => {
    const texts = ["省教育厅", "省教育厅 ", "省教育斤", "厅育教省", "省教育", "a", "b", "ab", "ba"];
    const prints = texts.map(listFingerprint);
    expect(new Set(prints).size).toBe(texts.length);
    // the two halves are independent passes, not one value twice
    for (const p of prints) expect(p.slice(0, 8)).not.toBe(p.slice(8));
  });
});
