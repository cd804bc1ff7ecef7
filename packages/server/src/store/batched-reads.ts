/**
 * The reads of one kind that the requests of one turn of the event loop ask for, sent as one statement, by
 * both stores: on PostgreSQL the customers and the pages of each list, on SQLite the customers. Under
 * load many requests arrive in one turn; one statement for all of them costs the database and the server
 * about what one costs, where a statement each would wake a database process and cross the socket each time.
 * Every request reads its customer first (the token's customer, with the data version that tells whether a
 * remembered answer still holds), and most then read a page of a list: two statements for a turn's requests,
 * however many there are.
 *
 * A read is sent at the end of the turn in which it was asked for, never joined to one already on its way:
 * every request is answered with the data as the database held it after the request arrived, so a write
 * that any process acknowledged before then is seen.
 */

interface Waiting<Result> {
  resolve(result: Result | undefined): void;
  reject(error: unknown): void;
}

/**
 * @param readAll reads what each of `asked` asks for, in one statement: its answers in the same order
 *   (undefined where there is nothing).
 * @param keyOf the same key for reads that ask for the same thing: those are asked once a turn.
 * @param options.onTurn runs when a turn's first read is asked for, after the batch's read is queued: what
 *   the store queues behind it (the SQLite store, the end of its read transaction).
 * @returns a function reading what one request asks for.
 *
 * @example
 * const customerRow = batchedReads(readCustomers, (id: number) => id);
 * const [ali, sara] = await Promise.all([customerRow(1), customerRow(2)]); // one round trip
 */
export function batchedReads<Asked, Result>(
  readAll: (asked: Asked[]) => Promise<(Result | undefined)[]>,
  keyOf: (asked: Asked) => string | number,
  options: { onTurn?: () => void } = {},
): (asked: Asked) => Promise<Result | undefined> {
  let turn: Map<string | number, { asked: Asked; waiting: Waiting<Result>[] }> | undefined;
  const send = () => {
    const batch = [...turn!.values()];
    turn = undefined;
    readAll(batch.map((b) => b.asked)).then(
      (results) => batch.forEach(({ waiting }, i) => waiting.forEach((w) => w.resolve(results[i]))),
      (error: unknown) => batch.forEach(({ waiting }) => waiting.forEach((w) => w.reject(error))),
    );
  };
  return (asked) =>
    new Promise<Result | undefined>((resolve, reject) => {
      if (!turn) {
        turn = new Map();
        setImmediate(send);
        options.onTurn?.();
      }
      const key = keyOf(asked);
      const same = turn.get(key);
      if (same) same.waiting.push({ resolve, reject });
      else turn.set(key, { asked, waiting: [{ resolve, reject }] });
    });
}
