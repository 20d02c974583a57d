// The v1 happy path through a typescript-fetch client generated from the service's own /openapi.yml
// (scripts/typescript-client.sh generates, compiles and runs it). Exits non-zero on the first surprise.
import {
    AdminApi, Configuration, PaymentsApi, PaymentStatusEnum, Refund, RefundsApi, RefundStatusEnum, ResponseError,
} from './client';

declare const process: { argv: string[]; exitCode?: number };

const [baseUrl, adminToken] = process.argv.slice(2);

function check(condition: boolean, what: string): void {
    if (!condition) {
        throw new Error('unexpected: ' + what);
    }
}

async function main(): Promise<void> {
    const admin = new AdminApi(new Configuration({ basePath: baseUrl, accessToken: adminToken }));
    const business = (await admin.createBusiness({
        createBusinessBody: { name: 'TypeScript shop', reviewMode: 'AUTO', refundMode: 'MULTIPLE' } })).data;
    const credentials: Record<string, string> = {
        'Client-Id': business.clientId, 'Business-Id': business.businessId, 'X-Api-Key': business.apiKey };
    const merchant = new Configuration({ basePath: baseUrl, apiKey: (name: string) => credentials[name] });
    const payments = new PaymentsApi(merchant);
    const refunds = new RefundsApi(merchant);

    const payment = (await payments.createPayment({
        createPaymentBody: { amount: '1000.00', currency: 'BDT', merchantRef: 'ts-order-1' } })).data;
    check(payment.status === PaymentStatusEnum.Pending, 'new payment ' + JSON.stringify(payment));
    // A POST without a body: typescript-fetch sends no Content-Type at all.
    const completed = (await payments.completePayment({ paymentId: payment.paymentId })).data;
    check(completed.status === PaymentStatusEnum.Completed, 'completed payment ' + JSON.stringify(completed));

    const refundRequest = { paymentId: payment.paymentId, xIdempotencyKey: 'ts-refund-1',
        requestRefundBody: { amount: '400.00', reason: 'one item returned' } };
    const refund: Refund = (await refunds.createRefund(refundRequest)).data;
    check(refund.status === RefundStatusEnum.Initiated || refund.status === RefundStatusEnum.Processing,
        'new refund ' + JSON.stringify(refund));
    const replay = await refunds.createRefundRaw(refundRequest);
    check(replay.raw.headers.get('Idempotent-Replayed') === 'true', 'the retry is a replay');
    check((await replay.value()).data.refundId === refund.refundId, 'the retry answers the same refund');

    const read = (await refunds.getRefund({ paymentId: payment.paymentId, refundId: refund.refundId })).data;
    check(read.amount === '400.00' && read.initiatedAt instanceof Date, 'refund read back ' + JSON.stringify(read));
    const listed = (await refunds.listPaymentRefunds({ paymentId: payment.paymentId })).data;
    check(listed.items.length === 1 && listed.items[0].refundId === refund.refundId, 'list ' + JSON.stringify(listed));

    const refused = await refunds.createRefund({ paymentId: payment.paymentId,
        requestRefundBody: { amount: '600.01', reason: 'more than is left' } }).then(() => undefined,
        (error: unknown) => error);
    check(refused instanceof ResponseError && refused.response.status === 422, 'over-refund refused with 422');

    console.log(JSON.stringify({ paymentId: payment.paymentId, refundId: refund.refundId,
        refundStatus: read.status, amount: read.amount, listed: listed.items.length }));
}

main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
});
