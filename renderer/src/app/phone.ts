export { formatPhone } from '../../../shared/phone';
