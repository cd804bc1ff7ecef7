import { humanize } from '../format.ts';

interface ListFiltersProps<Status extends string> {
  /** The form's accessible name: "Filter orders". */
  label: string;
  /** The contract's filter values, 'all' among them. */
  statuses: readonly Status[];
  status: Status;
  onStatus(status: NoInfer<Status>): void;
  searchLabel: string;
  placeholder: string;
  search: string;
  onSearch(search: string): void;
}

/** A list's status filter and search, which the API applies as the user types or picks. */
export function ListFilters<Status extends string>(props: ListFiltersProps<Status>) {
  const { statuses, status, onStatus, search, onSearch } = props;
  return (
    <form className="filters" role="search" aria-label={props.label} onSubmit={(event) => event.preventDefault()}>
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
        <input type="search" value={search} placeholder={props.placeholder} onChange={(event) => onSearch(event.target.value)} />
      </label>
    </form>
  );
}
