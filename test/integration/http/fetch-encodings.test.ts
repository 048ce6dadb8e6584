import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpFeedFetcher } from '../../../lambda/adapters/http/safe-feed-fetcher';
import { type LoopbackServer, startLoopbackServer } from './loopback-server';

const TITLES: Record<string, string> = {
  'windows-1251': 'Москва и Пекин расширяют поставки газа',
  'koi8-r': 'Пхеньян и Москва подписали договор',
  gbk: '中俄东线天然气管道年输气量',
  gb18030: '中朝边境口岸恢复通关',
  big5: '中俄兩國領導人會晤',
  'euc-kr': '북한과 러시아 정상회담 개최',
  shift_jis: '日露首脳会談が開催された',
};

function rssDocument(title: string, declared?: string): string {
  const declaration = declared ? `<?xml version="1.0" encoding="${declared}"?>` : '<?xml version="1.0"?>';
  return `${declaration}<rss version="2.0"><channel><title>${title}</title></channel></rss>`;
}

/** Paths say how the charset is announced: /header/<charset>, /declaration/<charset>, /bom/<charset>. */
function respond(path: string): { body: Buffer; contentType: string } {
  const [, how = '', charset = ''] = path.split('/');
  const title = TITLES[charset] ?? 'Россия, Китай и КНДР';
  if (how === 'header') {
    return {
      body: iconv.encode(rssDocument(title), charset),
      contentType: `application/rss+xml; charset=${charset}`,
    };
  }
  if (how === 'declaration') {
    return { body: iconv.encode(rssDocument(title, charset), charset), contentType: 'application/rss+xml' };
  }
  return { body: iconv.encode(rssDocument(title), charset, { addBOM: true }), contentType: 'text/xml' };
}

describe('HttpFeedFetcher text decoding', () => {
  let server: LoopbackServer;
  const fetcher = new HttpFeedFetcher({ allowPrivateNetwork: true });

  beforeAll(async () => {
    server = await startLoopbackServer((request, response) => {
      const { body, contentType } = respond(request.url ?? '/');
      response.writeHead(200, { 'content-type': contentType });
      response.end(body);
    });
  });

  afterAll(async () => {
    await server.waitUntilAllClosed();
    await server.close();
  });

  it.each(Object.entries(TITLES))('decodes %s named in the Content-Type header', async (charset, title) => {
    const result = await fetcher.fetch(server.url(`/header/${charset}`), {});

    expect(result).toMatchObject({ kind: 'ok', body: expect.stringContaining(`<title>${title}</title>`) });
  });

  it.each(Object.entries(TITLES))('decodes %s named in the XML declaration', async (charset, title) => {
    const result = await fetcher.fetch(server.url(`/declaration/${charset}`), {});

    expect(result).toMatchObject({ kind: 'ok', body: expect.stringContaining(`<title>${title}</title>`) });
  });

  it.each(['utf-8', 'utf-16le', 'utf-16be'])(
    'decodes %s recognised by its byte-order mark',
    async (charset) => {
      const result = await fetcher.fetch(server.url(`/bom/${charset}`), {});

      expect(result).toMatchObject({
        kind: 'ok',
        body: expect.stringMatching(/^<\?xml version="1\.0"\?>.*<title>Россия, Китай и КНДР<\/title>/),
      });
    },
  );
});
