import { Link } from '@tanstack/react-router';

/** Any address the router does not know. */
export function NotFoundPage() {
  return (
    <>
      <h1>Page not found</h1>
      <p>
        There is no such page. Go back to the <Link to="/">dashboard</Link>.
      </p>
    </>
  );
}
