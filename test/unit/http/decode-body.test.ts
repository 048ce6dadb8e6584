import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBody } from '../../../lambda/adapters/http/decode-body';

const SAMPLES = [
  ['windows-1251', 'Москва и Пекин подписали соглашение о газе'],
  ['koi8-r', 'Пхеньян отправил делегацию в Москву'],
  ['gbk', '中俄天然气管道协议签署'],
  ['gb18030', '中俄朝三国边境贸易𠮷'],
  ['big5', '中俄兩國領導人會晤'],
  ['euc-kr', '북한과 러시아 정상회담'],
  ['shift_jis', '日露首脳会談が開催された'],
] as const;

function feed(text: string, declaredEncoding?: string): string {
  const declaration = declaredEncoding
    ? `<?xml version="1.0" encoding="${declaredEncoding}"?>`
    : '<?xml version="1.0"?>';
  return `${declaration}\n<rss version="2.0"><channel><title>${text}</title></channel></rss>`;
}

describe('decodeBody', () => {
  it.each(SAMPLES)('decodes %s named by the Content-Type header', (charset, text) => {
    const bytes = iconv.encode(feed(text), charset);
    const decoded = decodeBody(bytes, `application/rss+xml; charset=${charset.toUpperCase()}`);
    expect(decoded).toMatchObject({ charset, source: 'header' });
    expect(decoded.text).toContain(`<title>${text}</title>`);
  });

  it.each(SAMPLES)('decodes %s named by the XML declaration', (charset, text) => {
    const bytes = iconv.encode(feed(text, charset), charset);
    const decoded = decodeBody(bytes, 'text/xml');
    expect(decoded).toMatchObject({ charset, source: 'xml-declaration' });
    expect(decoded.text).toContain(`<title>${text}</title>`);
  });

  it('lets the header win over a contradicting XML declaration', () => {
    const text = 'Пхеньян';
    const bytes = iconv.encode(feed(text, 'windows-1251'), 'koi8-r');
    expect(decodeBody(bytes, 'application/xml; charset="koi8-r"').text).toContain(text);
  });

  it('skips a charset label it does not know and falls back to the declaration', () => {
    const text = 'Москва';
    const bytes = iconv.encode(feed(text, 'windows-1251'), 'windows-1251');
    const decoded = decodeBody(bytes, 'text/xml; charset=x-made-up');
    expect(decoded).toMatchObject({ charset: 'windows-1251', source: 'xml-declaration' });
    expect(decoded.text).toContain(text);
  });

  it.each([
    ['utf-16le', 'utf-16le'],
    ['utf-16be', 'utf-16be'],
  ])('decodes %s recognised by its byte-order mark', (charset, expected) => {
    const text = '북한과 러시아';
    const bytes = iconv.encode(feed(text), charset, { addBOM: true });
    const decoded = decodeBody(bytes, 'application/rss+xml');
    expect(decoded).toMatchObject({ charset: expected, source: 'bom' });
    expect(decoded.text.startsWith('<?xml')).toBe(true);
    expect(decoded.text).toContain(text);
  });

  it('recognises a UTF-8 byte-order mark and drops it from the text', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(feed('Россия'))]);
    const decoded = decodeBody(bytes, undefined);
    expect(decoded).toMatchObject({ charset: 'utf-8', source: 'bom' });
    expect(decoded.text.startsWith('<?xml')).toBe(true);
  });

  it('reads an XML declaration that follows a UTF-8 byte-order mark', () => {
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      iconv.encode(feed('Москва', 'windows-1251'), 'windows-1251'),
    ]);
    expect(decodeBody(bytes, undefined)).toMatchObject({
      charset: 'windows-1251',
      source: 'xml-declaration',
    });
  });

  it('reads iso-8859-1 as windows-1252, as browsers do, keeping curly quotes', () => {
    const bytes = iconv.encode(feed('“Summit” – talks'), 'windows-1252');
    expect(decodeBody(bytes, 'text/xml; charset=ISO-8859-1').text).toContain('“Summit” – talks');
  });

  it('defaults to UTF-8 when nothing names a charset', () => {
    const decoded = decodeBody(Buffer.from(feed('Пекин 北京')), undefined);
    expect(decoded).toMatchObject({ charset: 'utf-8', source: 'default' });
    expect(decoded.text).toContain('Пекин 北京');
  });
});
