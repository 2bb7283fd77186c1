import { describe, expect, it } from 'vitest';
import * as c2d from '../../test/fixtures/chat2desk/index.js';
import { setupLiveProxy } from '../test/setupLiveProxy.js';
import { bearer, TEST_JWT_SECRET, validJwt } from '../test/testJwt.js';

const { upstream, start, call } = setupLiveProxy();

describe('lookup routes: operator groups, quick replies, tags', () => {
  it('GET /operator-groups answers the groups with their operators (Chat2Desk’s answer has no meta)', async () => {
    await start();
    const { body } = await call('/operator-groups');
    expect(body).toEqual({
      data: [
        { id: 11, name: 'Продажи', operatorIds: [101, 102] },
        { id: 12, name: 'Support', operatorIds: [102] },
      ],
      meta: { total: 2, limit: 2, offset: 0 },
    });
    expect(upstream.calls.map((c) => c.path)).toEqual(['/v1/operators_groups']);
  });

  it('GET /templates answers quick replies, titled by their name, else by their command', async () => {
    await start();
    const { body } = await call('/templates');
    expect(body.data).toEqual([
      { id: 31, title: 'Приветствие', text: 'Здравствуйте! Чем могу помочь?' },
      { id: 32, title: 'price', text: 'Прайс-лист во вложении, цены действуют до конца месяца.' },
    ]);
    expect(body.meta).toEqual({ total: 2, limit: 200, offset: 0 });
    expect(upstream.calls[0]?.path).toBe('/v1/templates?limit=200&offset=0');
  });

  it('GET /tags answers the tags, an empty description as null', async () => {
    await start();
    const { body } = await call('/tags');
    expect(body.data).toEqual([
      { id: 77, label: 'VIP', groupId: 5, groupName: 'Segment', description: null },
      { id: 78, label: 'Новый', groupId: 5, groupName: 'Segment', description: 'Первое обращение' },
    ]);
    expect(upstream.calls[0]?.path).toBe('/v1/tags?limit=200&offset=0');
  });

  it('keeps each list for minutes: consoles asking again cost no call', async () => {
    await start();
    const first = await Promise.all(['/operator-groups', '/templates', '/tags'].map((path) => call(path)));
    const again = await Promise.all(['/operator-groups', '/templates', '/tags'].map((path) => call(path)));
    expect([...first, ...again].map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(upstream.calls).toHaveLength(3);
  });

  it.each(['/operator-groups?limit=5', '/templates?q=hi', '/tags?offset=1'])('%s answers 400 naming the parameter it does not take', async (path) => {
    await start();
    expect(await call(path)).toMatchObject({ status: 400, body: { error: { code: 'bad_request', message: expect.stringMatching(/unknown parameter "(limit|q|offset)"/) } } });
  });

  it('answers 403 naming "read" to a seat that may not read', async () => {
    await start({ auth: { jwtSecret: TEST_JWT_SECRET } });
    const answer = await call('/tags', { headers: bearer(await validJwt({ c2d_scope: ['send'] })) });
    expect(answer).toMatchObject({ status: 403, body: { error: { message: expect.stringContaining('"read"') } } });
    expect(upstream.calls).toHaveLength(0);
  });

  it('passes Chat2Desk’s failure on', async () => {
    await start();
    upstream.on('GET', '/v1/templates', { body: c2d.errorQuota });
    expect((await call('/templates')).body.error.code).toBe('upstream_quota');
  });
});
