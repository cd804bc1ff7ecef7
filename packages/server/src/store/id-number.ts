// The number inside an id is one fact of every store: core's.
export { idNumber } from '@customer-portal/core';
