// An SMTP sink for end-to-end tests: accepts every message on a loopback port and
// keeps it in memory, decoded enough to assert on (RFC 2047 subject, base64 or
// quoted-printable body). Any number of connections at once. No TLS, no AUTH.
// Node 20 built-ins only.
//
//   const sink = await startSmtpSink();        // sink.port → smtp://127.0.0.1:PORT
//   const m = await sink.waitFor((m) => m.to.includes('chenjing@store.example'));
//   m.subject, m.body, m.headers['message-id'], m.data (raw, dot-unstuffed)
//   await sink.close();
import net from 'node:net';

const HOSTNAME = 'kefu-smtp-sink';
const MAX_LINE = 64 * 1024; // a command line; DATA lines may be longer
const MAX_MESSAGE = 32 * 1024 * 1024;

// "<a@b>" (with optional parameters after it) → "a@b"; null when there are no brackets.
function parsePath(arg) {
  const m = /^\s*<([^>]*)>/.exec(arg);
  return m ? m[1] : null;
}

function decodeBytes(bytes, charset) {
  try {
    return new TextDecoder(charset || 'utf-8').decode(bytes);
  } catch {
    return Buffer.from(bytes).toString('latin1'); // an unknown charset label
  }
}

function decodeQuotedPrintable(text, underscoreIsSpace) {
  const src = Buffer.from(text.replace(/=\r?\n/g, ''), 'utf8'); // soft line breaks dropped
  const out = [];
  const hex = (b) => (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66);
  for (let i = 0; i < src.length; i++) {
    const b = src[i];
    if (b === 0x3d && i + 2 < src.length && hex(src[i + 1]) && hex(src[i + 2])) {
      out.push(parseInt(src.toString('latin1', i + 1, i + 3), 16));
      i += 2;
    } else {
      out.push(b === 0x5f && underscoreIsSpace ? 0x20 : b);
    }
  }
  return Buffer.from(out);
}

// RFC 2047: "=?charset?B|Q?text?=" words; whitespace between two encoded-words is
// dropped, and the bytes of adjacent words in one charset are joined before decoding.
export function decodeHeader(value) {
  const word = /=\?([^?\s]+)\?([BbQq])\?([^?\s]*)\?=/g;
  let out = '';
  let last = 0;
  let pending = null; // { charset, chunks }
  const flush = () => {
    if (pending) out += decodeBytes(Buffer.concat(pending.chunks), pending.charset);
    pending = null;
  };
  for (let m; (m = word.exec(value)); ) {
    const between = value.slice(last, m.index);
    if (!(pending && /^\s*$/.test(between))) {
      flush();
      out += between;
    }
    const charset = m[1].split('*')[0].toLowerCase(); // drop an RFC 2231 language
    const bytes = m[2].toUpperCase() === 'B' ? Buffer.from(m[3], 'base64') : decodeQuotedPrintable(m[3], true);
    if (pending && pending.charset !== charset) flush();
    if (!pending) pending = { charset, chunks: [] };
    pending.chunks.push(bytes);
    last = m.index + m[0].length;
  }
  flush();
  return out + value.slice(last);
}

// Raw message (CRLF lines, already decoded as UTF-8) → { headers: {lowercase name: unfolded value}, subject, body }.
// The first occurrence of a header wins.
export function parseMessage(data) {
  const split = data.indexOf('\r\n\r\n');
  const head = split < 0 ? data : data.slice(0, split);
  const rawBody = split < 0 ? '' : data.slice(split + 4);
  const headers = {};
  for (const line of head.replace(/\r\n(?=[ \t])/g, '').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!(name in headers)) headers[name] = line.slice(colon + 1).trim();
  }
  const charset = /charset\s*=\s*"?([^";\s]+)/i.exec(headers['content-type'] || '')?.[1];
  const cte = (headers['content-transfer-encoding'] || '').toLowerCase();
  let body;
  if (cte === 'base64') body = decodeBytes(Buffer.from(rawBody.replace(/\s+/g, ''), 'base64'), charset);
  else if (cte === 'quoted-printable') body = decodeBytes(decodeQuotedPrintable(rawBody, false), charset);
  else body = rawBody; // 7bit/8bit: the sink has already read the data as UTF-8
  return { headers, subject: decodeHeader(headers.subject ?? ''), body };
}

export async function startSmtpSink() {
  const messages = [];
  const waiters = new Set(); // { predicate, resolve, reject, timer }
  const sockets = new Set();
  let seq = 0;

  const deliver = (message) => {
    messages.push(message);
    for (const w of [...waiters]) {
      let hit;
      try {
        hit = w.predicate(message);
      } catch (err) {
        hit = false;
        waiters.delete(w);
        clearTimeout(w.timer);
        w.reject(err);
        continue;
      }
      if (hit) {
        waiters.delete(w);
        clearTimeout(w.timer);
        w.resolve(message);
      }
    }
  };

  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {}); // a client that vanishes is not a test failure here
    // Bytes are kept as latin1 text so that any 8-bit data survives until decoded.
    socket.setEncoding('latin1');
    const reply = (...lines) => {
      if (!socket.destroyed) socket.write(lines.map((l) => l + '\r\n').join(''));
    };
    let buf = '';
    let from = null;
    let to = [];
    let inData = false;
    let dataLines = [];
    let dataSize = 0;
    const reset = () => {
      from = null;
      to = [];
      inData = false;
      dataLines = [];
      dataSize = 0;
    };

    const command = (line) => {
      const sp = line.indexOf(' ');
      const verb = (sp < 0 ? line : line.slice(0, sp)).toUpperCase();
      const arg = sp < 0 ? '' : line.slice(sp + 1);
      switch (verb) {
        case 'EHLO':
          reset();
          return reply(`250-${HOSTNAME} hello ${arg}`, '250-8BITMIME', '250-SMTPUTF8', `250 SIZE ${MAX_MESSAGE}`);
        case 'HELO':
          reset();
          return reply(`250 ${HOSTNAME} hello ${arg}`);
        case 'MAIL': {
          if (!/^FROM:/i.test(arg)) return reply('501 5.5.4 syntax: MAIL FROM:<address>');
          const path = parsePath(arg.slice(5));
          if (path === null) return reply('501 5.1.7 bad sender address syntax');
          reset();
          from = path;
          return reply('250 2.1.0 ok');
        }
        case 'RCPT': {
          if (from === null) return reply('503 5.5.1 MAIL first');
          if (!/^TO:/i.test(arg)) return reply('501 5.5.4 syntax: RCPT TO:<address>');
          const path = parsePath(arg.slice(3));
          if (!path) return reply('501 5.1.3 bad recipient address syntax');
          to.push(path);
          return reply('250 2.1.5 ok');
        }
        case 'DATA':
          if (from === null || to.length === 0) return reply('503 5.5.1 RCPT first');
          inData = true;
          return reply('354 end data with <CR><LF>.<CR><LF>');
        case 'RSET':
          reset();
          return reply('250 2.0.0 ok');
        case 'NOOP':
          return reply('250 2.0.0 ok');
        case 'QUIT':
          reply(`221 2.0.0 ${HOSTNAME} closing`);
          return socket.end();
        default:
          return reply('502 5.5.2 command not implemented');
      }
    };

    const dataLine = (line) => {
      if (line === '.') {
        const data = Buffer.from(dataLines.join(''), 'latin1').toString('utf8');
        const id = `sink-${++seq}`;
        deliver({ id, from, to, data, ...parseMessage(data) });
        reset();
        return reply(`250 2.0.0 ok queued as ${id}`);
      }
      const unstuffed = line.startsWith('.') ? line.slice(1) : line;
      dataSize += unstuffed.length + 2;
      if (dataSize > MAX_MESSAGE) {
        reply('552 5.3.4 message too big');
        return socket.end();
      }
      dataLines.push(unstuffed + '\r\n');
    };

    socket.on('data', (chunk) => {
      buf += chunk;
      for (;;) {
        // Commands may end in a bare LF; DATA ends only at CRLF.CRLF, so a bare LF
        // inside the message stays part of its line.
        const eol = inData ? buf.indexOf('\r\n') : buf.indexOf('\n');
        if (eol < 0) break;
        const line = inData ? buf.slice(0, eol) : buf.slice(0, eol).replace(/\r$/, '');
        buf = buf.slice(eol + (inData ? 2 : 1));
        if (inData) dataLine(line);
        else command(line);
        if (socket.destroyed || socket.writableEnded) return;
      }
      if (!inData && buf.length > MAX_LINE) {
        reply('500 5.5.2 line too long');
        socket.end();
      }
    });
    reply(`220 ${HOSTNAME} ESMTP ready`);
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });

  return {
    port: server.address().port,
    messages,
    // Resolves with the first message (already received or yet to come) for which
    // predicate is true; rejects after timeoutMs.
    waitFor(predicate, timeoutMs = 10000) {
      const found = messages.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const w = { predicate, resolve, reject };
        w.timer = setTimeout(() => {
          waiters.delete(w);
          reject(new Error(`smtp sink: no matching message within ${timeoutMs} ms (${messages.length} received)`));
        }, timeoutMs);
        waiters.add(w);
      });
    },
    // Stops listening, drops open connections and rejects pending waitFor calls.
    close() {
      for (const w of waiters) {
        clearTimeout(w.timer);
        w.reject(new Error('smtp sink closed'));
      }
      waiters.clear();
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
