/**
 * Stands in for ExcelJS's ZipWriter (exceljs/lib/utils/zip-stream.js) in the CLI bundle only
 * (scripts/build-cli.js): the same interface, but CRC-32 and deflate run in Node's native zlib
 * instead of JSZip and pako in JavaScript, which were a third of the time of building the
 * Jiangxi tracker. The add-in and the tests keep ExcelJS's own writer; tests/cli/bundle.test.ts
 * reads what this writes back through ExcelJS (JSZip) and LibreOffice.
 *
 * Format: PKWARE APPNOTE 6.3 — local file headers, central directory, end record; no ZIP64
 * (an .xlsx has far fewer than 65,535 parts and is far below 4 GB), names flagged UTF-8.
 */
const events = require("events");
const zlib = require("zlib");
const StreamBuf = require("exceljs/lib/utils/stream-buf");

const crcTable = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

/** zlib.crc32 arrived in Node 20.15; the table version covers older Node 20 releases. */
function crc32(bytes) {
  if (typeof zlib.crc32 === "function") return zlib.crc32(bytes);
  let c = -1;
  for (let i = 0; i < bytes.length; i++) c = crcTable[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** DOS date and time in UTC, as JSZip writes them (src/xlsx/render-xlsx.ts compares them). */
function dosDateTime(d) {
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1),
    date: ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

const UTF8_NAMES = 0x0800;
const DEFLATE = 8;
const STORED = 0;
const VERSION = 20;

class ZipWriter extends events.EventEmitter {
  constructor(options) {
    super();
    const level = options && options.compressionOptions && options.compressionOptions.level;
    this.level = typeof level === "number" ? level : 6;
    // writeXlsxBuffer({ at }) asks ExcelJS for STORE and passes `finalAt`: ExcelJS's own
    // writer cannot date entries, so the caller repacks its output (one deflate). This writer
    // dates and deflates every entry itself, which writeXlsxBuffer sees and keeps as it is:
    // no second pass over the package through JSZip and pako.
    const finalAt = options && options.finalAt instanceof Date ? options.finalAt : undefined;
    this.at = finalAt;
    this.store = !finalAt && Boolean(options && options.compression === "STORE");
    if (finalAt) this.level = 1;
    this.entries = [];
    this.stream = new StreamBuf();
  }

  append(data, options) {
    let bytes;
    if (options.base64) bytes = Buffer.from(data, "base64");
    else if (typeof data === "string") bytes = Buffer.from(data, "utf8");
    else bytes = Buffer.from(data);
    this.entries.push({ name: Buffer.from(options.name, "utf8"), bytes });
  }

  async finalize() {
    try {
      const { time, date } = dosDateTime(this.at || new Date());
      const parts = [];
      const central = [];
      let offset = 0;
      for (const { name, bytes } of this.entries) {
        const packed = this.store ? bytes : zlib.deflateRawSync(bytes, { level: this.level });
        const crc = crc32(bytes);
        const local = Buffer.alloc(30);
        local.writeUInt32LE(0x04034b50, 0);
        local.writeUInt16LE(VERSION, 4);
        local.writeUInt16LE(UTF8_NAMES, 6);
        local.writeUInt16LE(this.store ? STORED : DEFLATE, 8);
        local.writeUInt16LE(time, 10);
        local.writeUInt16LE(date, 12);
        local.writeUInt32LE(crc, 14);
        local.writeUInt32LE(packed.length, 18);
        local.writeUInt32LE(bytes.length, 22);
        local.writeUInt16LE(name.length, 26);
        local.writeUInt16LE(0, 28);
        parts.push(local, name, packed);
        const entry = Buffer.alloc(46);
        entry.writeUInt32LE(0x02014b50, 0);
        entry.writeUInt16LE(VERSION, 4);
        entry.writeUInt16LE(VERSION, 6);
        entry.writeUInt16LE(UTF8_NAMES, 8);
        entry.writeUInt16LE(this.store ? STORED : DEFLATE, 10);
        entry.writeUInt16LE(time, 12);
        entry.writeUInt16LE(date, 14);
        entry.writeUInt32LE(crc, 16);
        entry.writeUInt32LE(packed.length, 20);
        entry.writeUInt32LE(bytes.length, 24);
        entry.writeUInt16LE(name.length, 28);
        // extra length, comment length, disk, internal and external attributes stay 0
        entry.writeUInt32LE(offset, 42);
        central.push(entry, name);
        offset += local.length + name.length + packed.length;
      }
      const centralSize = central.reduce((n, b) => n + b.length, 0);
      const end = Buffer.alloc(22);
      end.writeUInt32LE(0x06054b50, 0);
      end.writeUInt16LE(this.entries.length, 8);
      end.writeUInt16LE(this.entries.length, 10);
      end.writeUInt32LE(centralSize, 12);
      end.writeUInt32LE(offset, 16);
      this.stream.end(Buffer.concat([...parts, ...central, end]));
      this.emit("finish");
    } catch (e) {
      this.emit("error", e);
    }
  }

  read(size) {
    return this.stream.read(size);
  }

  pipe(destination, options) {
    return this.stream.pipe(destination, options);
  }

  unpipe(destination) {
    return this.stream.unpipe(destination);
  }
}

module.exports = { ZipWriter };
