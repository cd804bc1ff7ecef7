import type { Profile, Theme } from '@customer-portal/sdk';
import { useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { profileKey, useProfile } from '../account.ts';
import { $api, invalidate } from '../api.ts';
import { ErrorAlert } from '../components/error-alert.tsx';
import { fieldProblem } from '../components/field-error.tsx';
import { Loading } from '../components/loading.tsx';
import { formatDate } from '../format.ts';
import pageLayout from '../components/page-layout.module.css';

const languages: Record<string, string> = { en: 'English', 'en-GB': 'English (UK)', hi: 'Hindi', ur: 'Urdu', fr: 'French' };
export const themes: Record<Theme, string> = { light: 'Light', dark: 'Dark', system: 'Same as my device' };
const fields = ['body.full_name', 'body.preferences.language', 'body.preferences.notifications', 'body.preferences.theme'];

/** Who the customer is, and the name and preferences they may change; the header and theme follow a save. */
export function ProfilePage() {
  const profile = useProfile();
  return (
    <>
      <h1>Your profile</h1>
      <ErrorAlert error={profile.error} onRetry={() => void profile.refetch()} />
      {profile.isPending && <Loading what="your profile" />}
      {profile.data && (
        <div className={pageLayout.columns}>
          <ProfileForm profile={profile.data} />
          <section className={pageLayout.card} aria-labelledby="account-heading">
            <h2 id="account-heading">Account</h2>
            <dl className={pageLayout.details}>
              <dt>Email</dt>
              <dd>{profile.data.email}</dd>
              <dt>Member since</dt>
              <dd>{formatDate(profile.data.member_since)}</dd>
              <dt>Orders</dt>
              <dd data-testid="total-orders">{profile.data.total_orders}</dd>
              <dt>Tickets</dt>
              <dd data-testid="total-tickets">{profile.data.total_tickets}</dd>
            </dl>
          </section>
        </div>
      )}
    </>
  );
}

function ProfileForm({ profile }: { profile: Profile }) {
  const queryClient = useQueryClient();
  const save = $api.useMutation('put', '/api/v1/customer/profile', {
    onSuccess: (updated) => {
      // The API's answer is the profile: the header and the theme follow it at once, with no reload.
      queryClient.setQueryData(profileKey, updated);
      // The theme is one stored value with the settings'.
      void invalidate(queryClient, '/api/v1/customer/settings');
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    save.mutate({
      body: {
        full_name: String(form.get('full_name')),
        preferences: {
          language: String(form.get('language')),
          notifications: form.get('notifications') === 'on',
          theme: String(form.get('theme')) as Theme,
        },
      },
    });
  }

  const error = save.error;
  const busy = save.isPending;
  const saved = save.isSuccess;

  const fullName = fieldProblem(error, 'body.full_name', 'profile-name');
  const language = fieldProblem(error, 'body.preferences.language', 'profile-language');
  const theme = fieldProblem(error, 'body.preferences.theme', 'profile-theme');
  const knownLanguage = profile.preferences.language in languages;
  return (
    <form className={pageLayout.card} aria-labelledby="profile-form-heading" onSubmit={submit} onChange={() => save.isSuccess && save.reset()}>
      <h2 id="profile-form-heading">Name and preferences</h2>
      <label>
        Full name
        <input name="full_name" defaultValue={profile.full_name} required maxLength={100} autoComplete="name" {...fullName.invalidProps} />
        {fullName.message}
      </label>
      <label>
        Language
        <select name="language" defaultValue={profile.preferences.language} {...language.invalidProps}>
          {!knownLanguage && <option value={profile.preferences.language}>{profile.preferences.language}</option>}
          {Object.entries(languages).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        {language.message}
      </label>
      <label>
        Theme
        <select name="theme" defaultValue={profile.preferences.theme} {...theme.invalidProps}>
          {Object.entries(themes).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        {theme.message}
      </label>
      <label className={pageLayout.inline}>
        <input type="checkbox" name="notifications" defaultChecked={profile.preferences.notifications} /> Send me notifications
      </label>
      <ErrorAlert error={error} fields={fields} />
      {saved && (
        <p role="status" className={pageLayout.success}>
          Profile saved.
        </p>
      )}
      <button type="submit" disabled={busy}>
        {busy ? 'Saving…' : 'Save profile'}
      </button>
    </form>
  );
}
