/**
 * The customers that the requests of one turn of the event loop ask for, read in one round trip. Every
 * request reads its customer first (the token's customer, with the data version that tells whether a
 * remembered answer still holds); under load many requests arrive in one turn, and one statement for all of
 * them costs the database about what one costs.
 *
 * A read is sent at the end of the turn in which it was asked for, never joined to one already on its way:
 * every request is answered with the customer as the database held it after the request arrived, so a
 * write that any process acknowledged before then is seen.
 */

interface Waiting<Row> {
  resolve(row: Row | undefined): void;
  reject(error: unknown): void;
}

/**
 * @param readAll reads the rows of the customers with these ids, in one statement.
 * @returns a function reading one customer's row (undefined when there is none).
 *
 * @example
 * const customerRow = createCustomerReads((ids) => rows('customers', [ids]));
 * const [ali, sara] = await Promise.all([customerRow(1), customerRow(2)]); // one round trip
 */
export function createCustomerReads<Row extends { id: number }>(readAll: (ids: number[]) => Promise<Row[]>): (id: number) => Promise<Row | undefined> {
  let asked: Map<number, Waiting<Row>[]> | undefined;
  const send = () => {
    const batch = asked!;
    asked = undefined;
    readAll([...batch.keys()]).then(
      (rows) => {
        const byId = new Map(rows.map((row) => [row.id, row]));
        for (const [id, waiting] of batch) for (const w of waiting) w.resolve(byId.get(id));
      },
      (error: unknown) => {
        for (const waiting of batch.values()) for (const w of waiting) w.reject(error);
      },
    );
  };
  return (id) =>
    new Promise<Row | undefined>((resolve, reject) => {
      if (!asked) {
        asked = new Map();
        setImmediate(send);
      }
      const waiting = asked.get(id);
      if (waiting) waiting.push({ resolve, reject });
      else asked.set(id, [{ resolve, reject }]);
    });
}
