// The v1 happy path through a typescript-fetch client generated from the service's own /openapi.yml
// (scripts/typescript-client.sh generates, compiles and runs it). Exits non-zero on the first surprise.
import { AdminApi, Configuration, PaymentsApi, RefundsApi } from './client';

declare const process: { argv: string[]; exitCode?: number };

const [baseUrl, adminToken] = process.argv.slice(2);

function check(condition: boolean, what: string): void {
    if (!condition) {
        throw new Error('unexpected: ' + what);
    }
}

async function data(response: { raw: Response }): Promise<any> {
    return (await response.raw.json()).data;
}

async function main(): Promise<void> {
    const admin = new AdminApi(new Configuration({ basePath: baseUrl, accessToken: adminToken }));
    const business = await data(await admin.createBusinessRaw({
        createBusinessBody: { name: 'TypeScript shop', reviewMode: 'AUTO', refundMode: 'MULTIPLE' } }));
    const credentials: Record<string, string> = {
        'Client-Id': business.clientId, 'Business-Id': business.businessId, 'X-Api-Key': business.apiKey };
    const merchant = new Configuration({ basePath: baseUrl, apiKey: (name: string) => credentials[name] });
    const payments = new PaymentsApi(merchant);
    const refunds = new RefundsApi(merchant);

    const payment = await data(await payments.createPaymentRaw({
        createPaymentBody: { amount: '1000.00', currency: 'BDT', merchantRef: 'ts-order-1' } }));
    check(payment.status === 'PENDING', 'new payment ' + JSON.stringify(payment));
    const completed = await payments.completePayment({ paymentId: payment.paymentId }) as any;
    check(completed.data.status === 'COMPLETED', 'completed payment ' + JSON.stringify(completed));

    const refundRequest = { paymentId: payment.paymentId, xIdempotencyKey: 'ts-refund-1',
        requestRefundBody: { amount: '400.00', reason: 'one item returned' } };
    const refund = await data(await refunds.createRefundRaw(refundRequest));
    const replay = await refunds.createRefundRaw(refundRequest);
    check(replay.raw.headers.get('Idempotent-Replayed') === 'true', 'the retry is a replay');
    check((await data(replay)).refundId === refund.refundId, 'the retry answers the same refund');

    const read = await refunds.getRefund({ paymentId: payment.paymentId, refundId: refund.refundId }) as any;
    check(read.data.amount === '400.00', 'refund read back ' + JSON.stringify(read));
    const listed = await refunds.listPaymentRefunds({ paymentId: payment.paymentId }) as any;
    check(listed.data.items.length === 1 && listed.data.items[0].refundId === refund.refundId, 'list ' + JSON.stringify(listed));
    console.log(JSON.stringify({ paymentId: payment.paymentId, refundId: refund.refundId,
        refundStatus: read.data.status, amount: read.data.amount, listed: listed.data.items.length }));
}

main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
});
