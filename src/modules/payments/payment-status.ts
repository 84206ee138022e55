import { StatusMachine } from '../orders/status-machine';
import { PaymentStatus } from './entities/payment.entity';
import { RefundStatus } from './entities/refund.entity';

/** Payments: a successful payment may be refunded; cancelled and refunded ones are final. */
export const PAYMENT_STATUS = new StatusMachine<PaymentStatus>('Payment', {
  [PaymentStatus.Successful]: [PaymentStatus.Refunded],
  [PaymentStatus.Cancelled]: [],
  [PaymentStatus.Refunded]: [],
});

/** Refunds: recorded pending before the gateway call, then settled once, either way. */
export const REFUND_STATUS = new StatusMachine<RefundStatus>('Refund', {
  [RefundStatus.Pending]: [RefundStatus.Succeeded, RefundStatus.Failed],
  [RefundStatus.Succeeded]: [],
  [RefundStatus.Failed]: [],
});
