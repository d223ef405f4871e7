import { strict as assert } from 'node:assert';
import { idSet, NamePool, TakenNames } from '../../../core/src/engine/summary';

describe('engine/summary: TakenNames', () => {
  it('answers from the base names and from every summary added, before and after the question', () => {
    const pool = new NamePool();
    const taken = new TakenNames(pool, new Set(['jitterbit.operation.name']));
    taken.add(idSet(pool, ['api_password', 'orders']));
    taken.add({ names: new Set(['region']) });
    assert.equal(taken.has('jitterbit.operation.name'), true);
    assert.equal(taken.has('api_password'), true);
    assert.equal(taken.has('region'), true);
    assert.equal(taken.has('api_password_2'), false);
    // A summary added after a "no" turns it into a "yes"; a "yes" stays.
    taken.add(idSet(pool, ['api_password_2']));
    assert.equal(taken.has('api_password_2'), true);
    assert.equal(taken.has('orders'), true);
    assert.equal(taken.has('customers'), false);
    taken.add({ names: new Set(['customers']) });
    assert.equal(taken.has('customers'), true);
  });

  it('does not find a name the pool knows from elsewhere in a summary that lacks it', () => {
    const pool = new NamePool();
    pool.id('elsewhere');
    const taken = new TakenNames(pool, new Set());
    taken.add(idSet(pool, ['a', 'b', 'c']));
    assert.equal(taken.has('elsewhere'), false);
    assert.equal(taken.has('b'), true);
  });

  it('folds many summaries with ids beyond its first bitmap, asked between additions', () => {
    const pool = new NamePool();
    const taken = new TakenNames(pool, new Set());
    for (let i = 0; i < 3000; i++) {
      taken.add(idSet(pool, [`v${i}`, `w${i}`]));
      if (i % 500 === 0) assert.equal(taken.has(`v${i + 1}`), false, `v${i + 1} is not added yet`);
    }
    assert.equal(taken.has('v0'), true);
    assert.equal(taken.has('w2999'), true);
    assert.equal(taken.has('v3000'), false);
    taken.add({ names: new Set(['v3000']) });
    assert.equal(taken.has('v3000'), true);
  });
});
