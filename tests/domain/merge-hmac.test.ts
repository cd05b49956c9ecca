import { createHash, createHmac, randomBytes } from "crypto";
import { hmacSha256, sha256, toHex } from "../../src/domain/hmac-sha256";

describe("pure HMAC-SHA-256 agrees with Node's crypto", () => {
  it("on the FIPS and RFC 4231 vectors", () => {
    expect(toHex(sha256(new TextEncoder().encode("abc")))).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    // RFC 4231 test case 2.
    expect(toHex(hmacSha256(new TextEncoder().encode("Jefe"), new TextEncoder().encode("what do ya want for nothing?")))).toBe(
      "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
    );
  });

  it("on random keys and messages of every length around the block boundaries", () => {
    for (let n = 0; n < 300; n++) {
      const key = randomBytes(n % 130);
      const msg = randomBytes(n * 7);
      expect(toHex(sha256(msg))).toBe(createHash("sha256").update(msg).digest("hex"));
      expect(toHex(hmacSha256(key, msg))).toBe(createHmac("sha256", key).update(msg).digest("hex"));
    }
  });
});
