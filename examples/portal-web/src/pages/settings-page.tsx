import type { Settings, SettingsUpdate, Theme } from '@customer-portal/sdk';
import { useQueryClient } from '@tanstack/react-query';
import type { FormEvent, ReactNode } from 'react';
import { $api, invalidate } from '../api.ts';
import { ErrorAlert } from '../components/error-alert.tsx';
import { fieldProblem } from '../components/field-error.tsx';
import { Loading } from '../components/loading.tsx';
import { themes } from './profile-page.tsx';
import button from '../components/button.module.css';
import pageLayout from '../components/page-layout.module.css';
import styles from './settings-page.module.css';

const switches: Record<keyof Settings['notifications'], string> = {
  email: 'Email me',
  order_updates: 'Order updates',
  refund_updates: 'Refund updates',
  support_replies: 'Replies to my tickets',
};
const currencies: Record<string, string> = { USD: 'US dollar', EUR: 'Euro', GBP: 'Pound sterling', INR: 'Indian rupee', PKR: 'Pakistani rupee' };

const settingsKey = $api.queryOptions('get', '/api/v1/customer/settings').queryKey;

/** The one setting a partial update changes: `email`, `timezone`... */
const settingOf = (body: SettingsUpdate): string => Object.keys({ ...body.notifications, ...body.general })[0] ?? '';

/**
 * Saves one setting as a partial update. Optimistic: the switch or menu shows the new value at once, and a
 * refusal puts the old one back (a typed value stays in its box either way, so the customer can correct it).
 */
function useSaveSetting() {
  const queryClient = useQueryClient();
  return $api.useMutation('put', '/api/v1/customer/settings', {
    onMutate: async ({ body }) => {
      await queryClient.cancelQueries({ queryKey: settingsKey });
      const before = queryClient.getQueryData<Settings>(settingsKey);
      if (before) {
        queryClient.setQueryData<Settings>(settingsKey, {
          notifications: { ...before.notifications, ...body.notifications },
          general: { ...before.general, ...body.general },
        });
      }
      return { before };
    },
    onError: (_error, _update, saved) => {
      if (saved?.before) queryClient.setQueryData(settingsKey, saved.before);
    },
    onSuccess: (settings) => queryClient.setQueryData(settingsKey, settings),
    // The theme is one stored value with the profile's: the page's theme follows the profile.
    onSettled: (_settings, _error, { body }) => (body.general?.theme ? invalidate(queryClient, '/api/v1/customer/profile') : undefined),
  });
}

/**
 * Notification switches and display settings. Every change is saved on its own, as a partial update of just
 * that setting, and says so beside it: "Saved." or the API's reason it was not.
 */
export function SettingsPage() {
  const settings = $api.useQuery('get', '/api/v1/customer/settings');
  const saving = useSaveSetting();
  const save = (body: SettingsUpdate) => saving.mutate({ body });
  // The setting the last save was about: its "Saving…", "Saved." or refusal shows beside it alone.
  const current = saving.variables ? settingOf(saving.variables.body) : undefined;
  const busy = saving.isPending;

  const status = (field: string) =>
    current !== field ? null : saving.isPending ? (
      <span className={pageLayout.muted}>Saving…</span>
    ) : saving.isSuccess ? (
      <span role="status" className={styles.saved}>
        Saved.
      </span>
    ) : null;
  const problemOf = (field: string) => (current === field ? saving.error : undefined);
  const data = settings.data;

  return (
    <>
      <h1>Settings</h1>
      <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />
      {settings.isPending && <Loading what="your settings" />}
      {data && (
        <div className={pageLayout.columns}>
          <fieldset className={pageLayout.card}>
            <legend>Notifications</legend>
            {(Object.keys(switches) as (keyof typeof switches)[]).map((key) => (
              <div key={key} className={styles.setting}>
                <label className={pageLayout.inline}>
                  <input
                    type="checkbox"
                    role="switch"
                    checked={data.notifications[key]}
                    disabled={busy}
                    onChange={(event) => save({ notifications: { [key]: event.target.checked } })}
                  />{' '}
                  {switches[key]}
                </label>
                {status(key)}
                <ErrorAlert error={problemOf(key)} />
              </div>
            ))}
          </fieldset>
          <div className={`${pageLayout.card} ${pageLayout.stack}`}>
            <h2>Display</h2>
            <div className={styles.setting}>
              <label>
                Theme
                <select
                  value={data.general.theme}
                  disabled={busy}
                  onChange={(event) => save({ general: { theme: event.target.value as Theme } })}
                >
                  {Object.entries(themes).map(([value, label]) => (
                    <option key={value} value={value}>
                      {label}
                    </option>
                  ))}
                </select>
              </label>
              {status('theme')}
              <ErrorAlert error={problemOf('theme')} fields={['body.general.theme']} />
            </div>
            <TextSetting
              label="Timezone"
              hint="An offset from UTC, such as UTC+0, UTC-5 or UTC+5:30."
              name="timezone"
              value={data.general.timezone}
              error={problemOf('timezone')}
              status={status('timezone')}
              busy={busy}
              onSave={(timezone) => save({ general: { timezone } })}
            />
            <div className={styles.setting}>
              <label>
                Currency
                <select
                  value={data.general.currency}
                  disabled={busy}
                  onChange={(event) => save({ general: { currency: event.target.value } })}
                >
                  {!(data.general.currency in currencies) && <option value={data.general.currency}>{data.general.currency}</option>}
                  {Object.entries(currencies).map(([code, name]) => (
                    <option key={code} value={code}>
                      {code} — {name}
                    </option>
                  ))}
                </select>
              </label>
              {status('currency')}
              <ErrorAlert error={problemOf('currency')} fields={['body.general.currency']} />
            </div>
          </div>
        </div>
      )}
    </>
  );
}

/** A setting typed as text, saved with its own button; the API's word on it shows beside it. */
function TextSetting(props: {
  label: string;
  hint: string;
  name: string;
  value: string;
  error: unknown;
  status: ReactNode;
  busy: boolean;
  onSave: (value: string) => void;
}) {
  const location = `body.general.${props.name}`;
  const problem = fieldProblem(props.error, location, `setting-${props.name}`);
  const hintId = `setting-${props.name}-hint`;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    props.onSave(String(new FormData(event.currentTarget).get(props.name)).trim());
  };
  return (
    <form className={styles.setting} aria-label={props.label} onSubmit={submit}>
      <label>
        {props.label}
        <span id={hintId} className={pageLayout.hint}>
          {props.hint}
        </span>
        <span className={styles.inputRow}>
          <input
            name={props.name}
            defaultValue={props.value}
            required
            aria-describedby={problem.message ? `${hintId} setting-${props.name}-error` : hintId}
            aria-invalid={problem.message ? true : undefined}
          />
          <button type="submit" className={button.secondary} disabled={props.busy}>
            Save {props.label.toLowerCase()}
          </button>
        </span>
        {problem.message}
      </label>
      {props.status}
      <ErrorAlert error={props.error} fields={[location]} />
    </form>
  );
}
