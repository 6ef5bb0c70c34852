import { describe, expect, it } from 'vitest';
import { toNewPost } from './publish';

describe('toNewPost', () => {
  it('builds a premium post with formatting and a chart', () => {
    const chart = { kind: 'bar', title: 'Week', points: [{ x: 'Mon', y: 12 }] };
    const result = toNewPost({ text: '**Long** gold', premium: 'on', charts: JSON.stringify(chart) }, 0);
    expect(result).toEqual({
      ok: true,
      post: { text: 'Long gold', entities: [{ type: 'bold', offset: 0, length: 4 }], charts: [chart], premium: true },
    });
  });

  it('refuses an empty post unless pictures follow', () => {
    expect(toNewPost({ text: '  ' }, 0)).toEqual({ ok: false, errors: { text: { key: 'channels.publish.empty' } } });
    expect(toNewPost({ text: '' }, 1)).toMatchObject({ ok: true, post: { text: '', premium: false } });
  });

  it('points chart problems at the chart box', () => {
    expect(toNewPost({ text: 'x', charts: '{' }, 0)).toEqual({
      ok: false,
      errors: { charts: { key: 'channels.publish.chartJson' } },
    });
    const bad = toNewPost({ text: 'x', charts: '{"kind":"line","title":"t","points":[]}' }, 0);
    expect(bad).toMatchObject({ ok: false, errors: { charts: { key: 'channels.publish.chartInvalid' } } });
  });

  it('refuses text over the limit', () => {
    const long = toNewPost({ text: 'a'.repeat(4001) }, 0);
    expect(long).toMatchObject({ ok: false, errors: { text: { key: 'channels.publish.invalid' } } });
  });
});
