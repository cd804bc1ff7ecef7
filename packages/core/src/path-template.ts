/**
 * OpenAPI path templates (`/api/v1/customer/orders/{order_id}`), read once for every host: the router's and
 * msw's `:name` syntax, a matcher for concrete paths, and a template filled in with values.
 */

const PARAMETER = /\{([^}]+)\}/g;

/**
 * The template in the `:name` syntax of Koa's router and msw.
 *
 * @example
 * colonPath('/api/v1/customer/orders/{order_id}'); // '/api/v1/customer/orders/:order_id'
 */
export function colonPath(template: string): string {
  return template.replace(PARAMETER, ':$1');
}

/**
 * The template with its parameters filled in, each value URI-encoded.
 *
 * @example
 * fillPath('/api/v1/customer/orders/{order_id}', { order_id: 'ORD123' }); // '/api/v1/customer/orders/ORD123'
 */
export function fillPath(template: string, values: Record<string, unknown>): string {
  return template.replace(PARAMETER, (_match, name: string) => encodeURIComponent(String(values[name])));
}

export interface PathTemplate {
  template: string;
  /** How many segments are literal: OpenAPI says concrete paths win over templated ones (`/orders/return` over `/orders/{order_id}`). */
  literalSegments: number;
  /** The decoded parameters of a concrete path, or undefined when the path is not one of this template. */
  match(path: string): Record<string, string> | undefined;
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * A matcher for one template; a parameter matches one whole segment.
 *
 * @example
 * pathTemplate('/orders/track/{order_id}').match('/orders/track/ORD123'); // { order_id: 'ORD123' }
 */
export function pathTemplate(template: string): PathTemplate {
  const names: string[] = [];
  const source = template
    .split('/')
    .map((segment) => {
      const parameter = /^\{(.+)\}$/.exec(segment);
      if (!parameter) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(parameter[1]!);
      return '([^/]+)';
    })
    .join('/');
  const pattern = new RegExp(`^${source}$`);
  return {
    template,
    literalSegments: template.split('/').filter((segment) => segment && !segment.startsWith('{')).length,
    match(path) {
      const found = pattern.exec(path);
      return found ? Object.fromEntries(names.map((name, i) => [name, decode(found[i + 1]!)])) : undefined;
    },
  };
}
