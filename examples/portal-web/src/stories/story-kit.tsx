/**
 * What every story of a page is made of: the whole app at one address, signed in as Ali Jawad against a fresh
 * copy of the stateful mocks (`createHandlers`), with a scenario and, for a notable state, one endpoint made to
 * fail or to never answer.
 */
import { createHandlers, type ScenarioName } from '@customer-portal/mocks';
import type { StoryObj } from '@storybook/react-vite';
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import { useEffect, useState } from 'react';
import { portal } from '../api.ts';
import { App } from '../app.tsx';
import { session } from '../session.ts';

type Method = 'get' | 'post' | 'put';

/** An endpoint behind a proxy whose API is down: an empty 502, which the SDK turns into a sentence. */
export const failing = (method: Method, path: string): HttpHandler =>
  http[method](`*${path}`, () => new HttpResponse(null, { status: 502, statusText: 'Bad Gateway' }));

/** An endpoint that never answers: the page stays in its loading state. */
export const neverAnswering = (method: Method, path: string): HttpHandler => http[method](`*${path}`, () => delay('infinite'));

interface PageStoryOptions {
  scenario?: ScenarioName;
  /** Handlers that answer before the mocks: `failing(...)`, `neverAnswering(...)`. */
  overrides?: HttpHandler[];
  signedIn?: boolean;
  play?: StoryObj['play'];
}

/** A story of the app at `at` (a `#/…` address). */
export function pageStory(at: string, { scenario = 'default', overrides = [], signedIn = true, play }: PageStoryOptions = {}): StoryObj {
  return {
    parameters: { msw: [...overrides, ...createHandlers({ scenario, delay: 0 })] },
    render: () => <PortalAt at={at} signedIn={signedIn} />,
    ...(play ? { play } : {}),
  };
}

function PortalAt({ at, signedIn }: { at: string; signedIn: boolean }) {
  const [ready, setReady] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  useEffect(() => {
    // A story starts signed out; a token from another story's mocks would mean nothing to these.
    session.signOut();
    window.location.hash = at;
    if (!signedIn) return setReady(true);
    portal.login({ email: 'ali.jawad@example.com', password: 'customer123' }).then(({ access_token }) => {
      session.signIn(access_token);
      setReady(true);
    }, setFailure);
  }, [at, signedIn]);
  if (failure) return <p role="alert">The story could not sign in: {String(failure)}</p>;
  return ready ? <App /> : null;
}
