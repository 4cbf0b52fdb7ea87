export { toCsv } from '../../csv';
