/**
 * What every story of a page is made of: the whole app at one address, signed in as Ali Jawad against a fresh
 * set of the stateful mocks (`createHandlers`), shaped for the state the story shows with the mocks' own API:
 *
 * - `world`: the data the API starts from (the fixtures' sample world unless the story says otherwise; the
 *   worlds made for the stories are in `worlds.ts`). The mocks check it against the contract.
 * - `faults`: how calls fail or slow down, e.g. `{ operation: 'getDashboard', networkError: true }` for an API
 *   that cannot be reached, `{ operation: 'getDashboard', latency: stillLoading }` for a page left loading, or
 *   `{ operation: 'updateSettings', status: 503 }` for the contract's own problem.
 * - `overrides`: one operation answering what the story says, e.g. a save refused with a field error.
 *
 * No story writes an msw handler of its own: what a page shows is what these mocks can answer, and so what
 * the real API documents.
 */
import { createHandlers, type Fault, type MockControls, type WorldOption } from '@customer-portal/mocks';
import type { StoryObj } from '@storybook/react-vite';
import { createMemoryHistory } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { portal } from '../api.ts';
import { App } from '../app.tsx';
import { session } from '../session.ts';

/**
 * A latency that outlasts any look at the story: the longest msw waits (2^31 - 1 ms, about 24 days, which is
 * also what msw's own `delay('infinite')` waits). The mocks take a latency in milliseconds only, and a longer
 * one would not wait at all: msw refuses it, as a browser's timer would fire at once.
 */
export const stillLoading = 2 ** 31 - 1;

interface PageStoryOptions {
  /** The data the API starts from; the fixtures' sample world when left out. */
  world?: WorldOption;
  /** Faults in force for the whole story. */
  faults?: Fault[];
  /** Sets overrides on the story's mocks: `(mocks) => mocks.override('updateProfile', { status: 422, body })`. */
  overrides?: (mocks: MockControls) => void;
  signedIn?: boolean;
  play?: StoryObj['play'];
}

/**
 * A story of the app at `at` (an address such as `/orders?status=delivered`), against mocks shaped by the options. Each time the story is
 * shown its mocks start again from its world, so what an earlier visit wrote (a return requested, a ticket
 * opened) is gone, as it would be after a reload.
 */
export function pageStory(at: string, { world, faults, overrides, signedIn = true, play }: PageStoryOptions = {}): StoryObj {
  const mocks = createHandlers({ world, faults });
  return {
    parameters: { msw: [...mocks] },
    loaders: [
      () => {
        // reset() forgets overrides too (and keeps the story's faults), so they are set again.
        mocks.reset();
        overrides?.(mocks);
      },
    ],
    render: () => <PortalAt at={at} signedIn={signedIn} />,
    ...(play ? { play } : {}),
  };
}

function PortalAt({ at, signedIn }: { at: string; signedIn: boolean }) {
  const [ready, setReady] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  // The story's own history, starting at its page: Storybook's address bar stays Storybook's.
  const [history] = useState(() => createMemoryHistory({ initialEntries: [at] }));
  useEffect(() => {
    // A story starts signed out; a token from another story's mocks would mean nothing to these.
    session.signOut();
    if (!signedIn) return setReady(true);
    portal.login({ email: 'ali.jawad@example.com', password: 'customer123' }).then(({ access_token }) => {
      session.signIn(access_token);
      setReady(true);
    }, setFailure);
  }, [at, signedIn]);
  if (failure) return <p role="alert">The story could not sign in: {String(failure)}</p>;
  return ready ? <App history={history} /> : null;
}
