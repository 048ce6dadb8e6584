import { describe, expect, it } from 'vitest';
import { describeAlert } from '../../../lambda/core/feed-render/describe-alert';
import { makeAlert } from '../../support/feed-alerts';

describe('describeAlert', () => {
  it('says which fact an update changed, from what to what', () => {
    expect(describeAlert(makeAlert(1)).headline).toBe('visa-free-trial updated: 1 year → until Sep 2027');
  });

  it('says which fact a story contradicts', () => {
    const alert = makeAlert(1, {
      kind: 'contradiction',
      factIds: ['nk-arms-troops'],
      findings: [
        {
          factId: 'nk-arms-troops',
          verdict: 'contradicts',
          observed: 'no North Korean troops in Russia',
          evidence: 'Moscow denied that any North Korean troops were in Russia.',
        },
      ],
    });
    expect(describeAlert(alert).headline).toBe(
      'nk-arms-troops contradicted: no North Korean troops in Russia',
    );
  });

  it('falls back to the story title when the change has no observed value', () => {
    const alert = makeAlert(1, {
      title: 'Beijing summit moved',
      findings: [{ factId: 'visa-free-trial', verdict: 'updates', evidence: 'It moved.' }],
    });
    expect(describeAlert(alert).headline).toBe('visa-free-trial updated: Beijing summit moved');
  });

  it('names a new development by its story', () => {
    const alert = makeAlert(1, {
      kind: 'new-development',
      factIds: [],
      findings: [],
      title: 'Rail link opens',
    });
    expect(describeAlert(alert)).toEqual({ headline: 'New development: Rail link opens', changes: [] });
  });

  it('prefers the finding with the alert verdict when a fact has several', () => {
    const alert = makeAlert(1, {
      findings: [
        { factId: 'visa-free-trial', verdict: 'reaffirms', evidence: 'The trial continues.' },
        { factId: 'visa-free-trial', verdict: 'updates', observed: '2 years', evidence: 'Now two years.' },
      ],
    });
    expect(describeAlert(alert).changes.map((change) => change.evidence)).toEqual(['Now two years.']);
  });
});
