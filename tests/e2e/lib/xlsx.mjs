// XLSX files for the import tests, written here so that the tests need no tool: a ZIP of
// deflated entries and a workbook as Excel saves one.
import zlib from 'node:zlib';

// A ZIP of deflated entries (what an .xlsx is), written here so the test needs no tool.
export function zip(files) {
  const locals = [];
  const central = [];
  let offset = 0;
  for (const [name, text] of files) {
    const data = Buffer.from(text);
    const packed = zlib.deflateRawSync(data);
    const n = Buffer.from(name);
    const head = Buffer.alloc(26);
    head.writeUInt16LE(20, 0);
    head.writeUInt16LE(8, 4);
    head.writeUInt32LE(zlib.crc32(data), 10);
    head.writeUInt32LE(packed.length, 14);
    head.writeUInt32LE(data.length, 18);
    head.writeUInt16LE(n.length, 22);
    const sig = (v) => { const b = Buffer.alloc(4); b.writeUInt32LE(v); return b; };
    locals.push(sig(0x04034b50), head, n, packed);
    const tail = Buffer.alloc(14); // comment length, disk, attributes, then the local header's offset
    tail.writeUInt32LE(offset, 10);
    central.push(sig(0x02014b50), Buffer.from([20, 0]), head, tail, n);
    offset += 30 + n.length + packed.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

// A workbook as Excel saves one: shared strings, a date-time style, the first sheet by its relationship.
export function workbook(rows) {
  const strings = [];
  const cell = (v, ref) => {
    if (typeof v === 'number') return `<c r="${ref}"><v>${v}</v></c>`;
    if (v instanceof Date) return `<c r="${ref}" s="1"><v>${v.getTime() / 86400000 + 25569}</v></c>`;
    strings.push(v);
    return `<c r="${ref}" t="s"><v>${strings.length - 1}</v></c>`;
  };
  const sheet = rows
    .map((r, i) => `<row r="${i + 1}">${r.map((v, j) => (v === null ? '' : cell(v, String.fromCharCode(65 + j) + (i + 1)))).join('')}</row>`)
    .join('');
  const esc = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const main = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  return zip([
    ['[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'],
    ['xl/workbook.xml', `<workbook ${main} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="导出" sheetId="1" r:id="rId1"/></sheets></workbook>`],
    ['xl/_rels/workbook.xml.rels', '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>'],
    ['xl/styles.xml', `<styleSheet ${main}><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>`],
    ['xl/worksheets/sheet1.xml', `<worksheet ${main}><sheetData>${sheet}</sheetData></worksheet>`],
    ['xl/sharedStrings.xml', `<sst ${main}>${strings.map((t) => `<si><t xml:space="preserve">${esc(t)}</t></si>`).join('')}</sst>`],
  ]);
}
