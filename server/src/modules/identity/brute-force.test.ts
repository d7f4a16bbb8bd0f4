import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ADDRESS_POLICY, NAME_POLICY, afterFailure, decide, secondsUntil, type ThrottleState } from './brute-force.ts';

const start = new Date('2026-11-27T03:00:00Z');
const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);

describe('brute-force protection (OWASP ASVS V6.3.1, NIST SP 800-63B §5.2.2)', () => {
  it('allows the free attempts, then doubles the wait, then locks for 15 minutes at the 10th failure', () => {
    let state: ThrottleState | undefined;
    const waits: number[] = [];
    let now = 0;
    for (let failure = 1; failure <= 10; failure++) {
      assert.equal(decide(state, at(now)).allowed, true, `attempt ${failure} is allowed once its wait is over`);
      const result = afterFailure(state, at(now), NAME_POLICY);
      state = result.state;
      assert.equal(result.locked, failure === 10);
      waits.push(state.notBefore ? secondsUntil(state.notBefore, at(now)) : 0);
      now += 61;
    }
    assert.deepEqual(waits.slice(0, 9), [0, 0, 0, 1, 2, 4, 8, 16, 32]);
    const locked = decide(state, at(now));
    assert.ok(!locked.allowed && locked.reason === 'locked');
    assert.equal(secondsUntil(locked.until, at(now - 61)), 15 * 60);
  });

  it('refuses an attempt during the wait without counting it', () => {
    let state: ThrottleState | undefined;
    for (let failure = 0; failure < 5; failure++) state = afterFailure(state, at(failure), NAME_POLICY).state;
    const decision = decide(state, at(5));
    assert.ok(!decision.allowed && decision.reason === 'delayed');
  });

  it('forgets failures older than the window, and starts again after a lock', () => {
    let state = afterFailure(undefined, at(0), NAME_POLICY).state;
    state = afterFailure(state, at(16 * 60), NAME_POLICY).state;
    assert.equal(state.failures, 1);
    let locked: ThrottleState | undefined;
    for (let failure = 0; failure < 10; failure++) locked = afterFailure(locked, at(failure * 61), NAME_POLICY).state;
    assert.ok(locked!.lockedUntil);
    const afterLock = afterFailure(locked, at(10 * 61 + 15 * 60), NAME_POLICY);
    assert.equal(afterLock.state.failures, 1);
    assert.equal(afterLock.locked, false);
  });

  it('is far more generous per client address than per name (NAT at schools and offices)', () => {
    let state: ThrottleState | undefined;
    for (let failure = 1; failure <= 20; failure++) state = afterFailure(state, at(failure), ADDRESS_POLICY).state;
    assert.equal(state!.notBefore, null);
    assert.equal(state!.lockedUntil, null);
  });
});
