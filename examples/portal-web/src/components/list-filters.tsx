import { useState } from 'react';
import { humanize } from '../format.ts';
import styles from './list-filters.module.css';

interface ListFiltersProps<Status extends string> {
  /** The form's accessible name: "Filter orders". */
  label: string;
  /** The contract's filter values, 'all' among them. */
  statuses: readonly Status[];
  status: Status;
  onStatus(status: NoInfer<Status>): void;
  searchLabel: string;
  placeholder: string;
  /** The search in the URL. */
  search: string;
  /** Called on every keystroke with what the box holds. */
  onSearch(search: string): void;
}

/** A list's status filter and search, which the API applies as the user types or picks. */
export function ListFilters<Status extends string>(props: ListFiltersProps<Status>) {
  const { statuses, status, onStatus, search, onSearch } = props;
  // The box holds what is typed (spaces and all); the URL holds the search. When the URL's search changes
  // without typing (Back, a link), the box follows it.
  const [typed, setTyped] = useState(search);
  const [searched, setSearched] = useState(search);
  if (search !== searched) {
    setSearched(search);
    if (typed.trim() !== search) setTyped(search);
  }
  return (
    <form className={styles.filters} role="search" aria-label={props.label} onSubmit={(event) => event.preventDefault()}>
      <label>
        Status
        <select value={status} onChange={(event) => onStatus(statuses.find((value) => value === event.target.value) ?? status)}>
          {statuses.map((value) => (
            <option key={value} value={value}>
              {humanize(value.replaceAll('-', '_'))}
            </option>
          ))}
        </select>
      </label>
      <label>
        {props.searchLabel}
        <input
          type="search"
          value={typed}
          placeholder={props.placeholder}
          onChange={(event) => {
            setTyped(event.target.value);
            onSearch(event.target.value);
          }}
        />
      </label>
    </form>
  );
}
