// Reading the XLSX files kefu writes (exports, scheduled report attachments), so the tests
// can check cells: the ZIP's central directory, shared strings, and each sheet's rows as
// text (numbers as written). Node built-ins only.
import { inflateRawSync } from 'node:zlib';

// The entries of a ZIP by name.
export function unzip(buf) {
  const files = new Map();
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('not a ZIP: no end of central directory');
  let at = buf.readUInt32LE(end + 16);
  for (let i = 0; i < buf.readUInt16LE(end + 10); i++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error('damaged central directory');
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const nameLen = buf.readUInt16LE(at + 28);
    const offset = buf.readUInt32LE(at + 42);
    const name = buf.subarray(at + 46, at + 46 + nameLen).toString('utf8');
    const data = offset + 30 + buf.readUInt16LE(offset + 26) + buf.readUInt16LE(offset + 28);
    const packed = buf.subarray(data, data + size);
    files.set(name, method === 8 ? inflateRawSync(packed) : Buffer.from(packed));
    at += 46 + nameLen + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return files;
}

const decode = (s) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

function columnIndex(ref) {
  let n = 0;
  for (const ch of /^[A-Z]+/.exec(ref)[0]) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

// { sheets: [{ name, rows: [[text…]…] }] } — rows in order, empty cells as ''.
export function readXlsx(buf) {
  const files = unzip(buf);
  const strings = [];
  const sst = files.get('xl/sharedStrings.xml');
  if (sst) {
    for (const si of sst.toString('utf8').matchAll(/<si>([\s\S]*?)<\/si>/g)) {
      strings.push(decode([...si[1].matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join('')));
    }
  }
  const book = files.get('xl/workbook.xml').toString('utf8');
  const names = [...book.matchAll(/<sheet [^>]*name="([^"]*)"/g)].map((m) => decode(m[1]));
  const sheets = names.map((name, i) => {
    const xml = files.get(`xl/worksheets/sheet${i + 1}.xml`).toString('utf8');
    const rows = [];
    for (const row of xml.matchAll(/<row [^>]*>([\s\S]*?)<\/row>/g)) {
      const cells = [];
      for (const c of row[1].matchAll(/<c r="([A-Z]+)\d+"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
        const [, ref, attrs, body = ''] = c;
        const v = /<v>([\s\S]*?)<\/v>/.exec(body);
        let text = v ? decode(v[1]) : '';
        if (/t="s"/.test(attrs)) text = strings[Number(text)];
        else if (/t="inlineStr"/.test(attrs)) text = decode((/<t[^>]*>([\s\S]*?)<\/t>/.exec(body) || ['', ''])[1]);
        const col = columnIndex(ref);
        while (cells.length < col) cells.push('');
        cells[col] = text;
      }
      rows.push(cells);
    }
    return { name, rows };
  });
  return { sheets };
}

// The parts of a raw MIME message (m.data of the SMTP sink), multipart or not:
// [{ headers: {lowercase: value}, body: Buffer (transfer-decoded) }] for every leaf part.
export function mimeParts(raw) {
  const split = (text) => {
    const at = text.indexOf('\r\n\r\n');
    const head = text.slice(0, at).replace(/\r\n[ \t]+/g, ' ');
    const headers = {};
    for (const line of head.split('\r\n')) {
      const i = line.indexOf(':');
      if (i > 0) headers[line.slice(0, i).toLowerCase()] = line.slice(i + 1).trim();
    }
    return { headers, body: text.slice(at + 4) };
  };
  const walk = (text) => {
    const { headers, body } = split(text);
    const type = headers['content-type'] || 'text/plain';
    const b = /boundary="([^"]+)"/.exec(type);
    if (type.startsWith('multipart/') && b) {
      const pieces = body.split(`--${b[1]}`).slice(1);
      return pieces.filter((p) => !p.startsWith('--')).flatMap((p) => walk(p.replace(/^\r\n/, '')));
    }
    const enc = (headers['content-transfer-encoding'] || '').toLowerCase();
    return [{ headers, body: enc === 'base64' ? Buffer.from(body.replace(/\s+/g, ''), 'base64') : Buffer.from(body) }];
  };
  return walk(raw);
}
