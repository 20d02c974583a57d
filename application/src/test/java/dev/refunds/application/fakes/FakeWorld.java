package dev.refunds.application.fakes;

import dev.refunds.application.business.AuthenticateMerchantService;
import dev.refunds.application.business.BusinessRepository.StoredBusiness;
import dev.refunds.application.business.CreateBusinessCommand;
import dev.refunds.application.business.CreateBusinessService;
import dev.refunds.application.business.CreatedBusiness;
import dev.refunds.application.dispute.DisputesService;
import dev.refunds.application.payment.ChangePaymentStatusService;
import dev.refunds.application.payment.CreatePaymentCommand;
import dev.refunds.application.payment.CreatePaymentService;
import dev.refunds.application.payment.FindPaymentsService;
import dev.refunds.application.refund.CancelRefundService;
import dev.refunds.application.refund.FindRefundsService;
import dev.refunds.application.refund.PaymentRef;
import dev.refunds.application.refund.RefundMover;
import dev.refunds.application.refund.RefundWriter;
import dev.refunds.application.refund.RequestRefundCommand;
import dev.refunds.application.refund.RequestRefundService;
import dev.refunds.application.refund.RequestedAmount;
import dev.refunds.application.refund.ReviewRefundService;
import dev.refunds.application.shared.Transactions;
import dev.refunds.application.view.RefundEvent;
import dev.refunds.domain.business.Business;
import dev.refunds.domain.business.RefundMode;
import dev.refunds.domain.business.RefundPolicy;
import dev.refunds.domain.business.ReviewMode;
import dev.refunds.domain.money.Money;
import dev.refunds.domain.payment.Decision;
import dev.refunds.domain.payment.Dispute;
import dev.refunds.domain.payment.Payment;
import dev.refunds.domain.payment.PaymentType;
import dev.refunds.domain.payment.Refund;
import dev.refunds.domain.payment.RefundChange;
import dev.refunds.domain.payment.RefundStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Every fake and every use case wired together, the way {@code bootstrap} wires the real ones. Every fake
 * refuses writes made outside a transaction. Arrange helpers go through the use cases themselves, so the state
 * a test starts from is one the application can reach.
 */
public final class FakeWorld {
    public static final Instant START = Instant.parse("2026-05-17T09:00:00Z");
    public static final Currency BDT = Currency.getInstance("BDT");
    public static final String REASON = "customer asked";

    public final MutableClock clock = new MutableClock(START);
    public final SequentialIdGenerator ids = new SequentialIdGenerator();
    public final FakeApiKeyHasher hasher = new FakeApiKeyHasher();
    public final InMemoryBusinessRepository businesses = new InMemoryBusinessRepository();
    public final InMemoryPaymentRepository payments = new InMemoryPaymentRepository();
    public final InMemoryRefundRepository refunds = new InMemoryRefundRepository();
    public final InMemorySettlementQueue settlement = new InMemorySettlementQueue(refunds);
    public final InMemoryDisputeRepository disputes = new InMemoryDisputeRepository();
    public final RecordingEventOutbox outbox = new RecordingEventOutbox();
    public final Transactions transactions;

    public final CreateBusinessService createBusiness;
    public final AuthenticateMerchantService authenticate;
    public final CreatePaymentService createPayment;
    public final ChangePaymentStatusService changePaymentStatus;
    public final FindPaymentsService findPayments;
    public final RefundWriter writer;
    public final RefundMover mover;
    public final RequestRefundService requestRefund;
    public final CancelRefundService cancelRefund;
    /** The operator who reviews refunds in these tests. */
    public static final String REVIEWER = "Nadia";
    public final ReviewRefundService reviewRefund;
    public final FindRefundsService findRefunds;
    public final DisputesService disputesService;

    private int businessCount;

    private FakeWorld(boolean rollback) {
        BooleanSupplier active;
        if (rollback) {
            RollbackTransactions rollbackTransactions =
                    new RollbackTransactions(businesses, payments, refunds, disputes, outbox, settlement);
            transactions = rollbackTransactions;
            active = rollbackTransactions::isActive;
        } else {
            DirectTransactions direct = new DirectTransactions();
            transactions = direct;
            active = direct::isActive;
        }
        businesses.guardWritesWith(active);
        payments.guardWritesWith(active);
        refunds.guardWritesWith(active);
        disputes.guardWritesWith(active);
        outbox.guardWritesWith(active);

        createBusiness = new CreateBusinessService(businesses, ids, hasher, transactions, clock);
        authenticate = new AuthenticateMerchantService(businesses, hasher);
        createPayment = new CreatePaymentService(payments, ids, transactions, clock);
        changePaymentStatus = new ChangePaymentStatusService(payments, transactions, clock);
        findPayments = new FindPaymentsService(payments);
        writer = new RefundWriter(payments, refunds, outbox, ids);
        mover = new RefundMover(payments, refunds, writer);
        requestRefund = new RequestRefundService(payments, writer, ids, transactions, clock);
        cancelRefund = new CancelRefundService(refunds, mover, settlement, transactions, clock);
        reviewRefund = new ReviewRefundService(refunds, mover, transactions, clock);
        findRefunds = new FindRefundsService(payments, refunds);
        disputesService = new DisputesService(payments, disputes, ids, transactions, clock);
    }

    /** Transactions that run the work directly and never roll back: a service must not write before refusing. */
    public static FakeWorld direct() {
        return new FakeWorld(false);
    }

    /** Transactions that roll the fakes back when the work throws, as the database does. */
    public static FakeWorld withRollback() {
        return new FakeWorld(true);
    }

    public RollbackTransactions rollbackTransactions() {
        if (transactions instanceof RollbackTransactions rollback) {
            return rollback;
        }
        throw new IllegalStateException("this world runs DirectTransactions");
    }

    // --- arrange -------------------------------------------------------------------------------------------

    public static Money bdt(String text) {
        return Money.parse(text, BDT);
    }

    public CreatedBusiness createdBusiness(RefundPolicy policy) {
        return createBusiness.handle(new CreateBusinessCommand("Shop " + ++businessCount, policy));
    }

    public Business business(RefundPolicy policy) {
        return createdBusiness(policy).business();
    }

    /** ShadhinPay style: refunds go straight to the processor, several per payment. */
    public Business autoBusiness() {
        return business(RefundPolicy.of(ReviewMode.AUTO, RefundMode.MULTIPLE));
    }

    /** Every refund waits for an admin, several per payment. */
    public Business manualBusiness() {
        return business(RefundPolicy.of(ReviewMode.MANUAL, RefundMode.MULTIPLE));
    }

    /** SecPaid style: every refund waits for an admin, one per payment. */
    public Business secPaidBusiness() {
        return business(RefundPolicy.of(ReviewMode.MANUAL, RefundMode.SINGLE));
    }

    public Payment payment(Business business, Money amount, PaymentType type) {
        clock.advance(Duration.ofSeconds(1));
        return createPayment.handle(new CreatePaymentCommand(business.id(), amount, type, Optional.empty(),
                Optional.empty()));
    }

    public Payment pendingPayment(Business business, String amountBdt) {
        return payment(business, bdt(amountBdt), PaymentType.LINK);
    }

    public Payment completedPayment(Business business, String amountBdt) {
        return complete(pendingPayment(business, amountBdt));
    }

    public Payment complete(Payment payment) {
        clock.advance(Duration.ofSeconds(1));
        return changePaymentStatus.complete(payment.businessId(), payment.id()).orElseThrow();
    }

    public static RequestRefundCommand refundCommand(Business business, Payment payment, String amountText) {
        return new RequestRefundCommand(business, PaymentRef.of(payment.id()),
                Optional.of(RequestedAmount.text(amountText)), false, REASON, Optional.empty());
    }

    public static RequestRefundCommand fullRefundCommand(Business business, Payment payment) {
        return new RequestRefundCommand(business, PaymentRef.of(payment.id()), Optional.empty(), false,
                REASON, Optional.empty());
    }

    /** Requests a refund that must be accepted; returns the refund as saved. */
    public Refund refund(Business business, Payment payment, String amountText) {
        clock.advance(Duration.ofSeconds(1));
        RefundChange change = requestRefund.handle(refundCommand(business, payment, amountText)).orElseThrow();
        return change.refund();
    }

    /** Moves a refund as the settlement worker would, in its own transaction, a second later. */
    public Decision<RefundChange> move(Refund refund, RefundStatus next, Optional<String> note) {
        clock.advance(Duration.ofSeconds(1));
        return transactions.inTransaction(() -> mover.move(storedRefund(refund), next, note, clock.instant()));
    }

    /** Takes an {@code INITIATED} refund through {@code PROCESSING} to {@code COMPLETED}. */
    public Refund settle(Refund refund) {
        move(refund, RefundStatus.PROCESSING, Optional.empty()).orElseThrow();
        return move(refund, RefundStatus.COMPLETED, Optional.empty()).orElseThrow().refund();
    }

    public Payment storedPayment(Payment payment) {
        return payments.get(payment.id()).orElseThrow();
    }

    public Refund storedRefund(Refund refund) {
        return refunds.get(refund.id()).orElseThrow();
    }

    // --- assert --------------------------------------------------------------------------------------------

    /** Everything every fake holds, comparable with {@code equals}. */
    public record State(List<StoredBusiness> businesses, List<Payment> payments, List<Refund> refunds,
                        List<Dispute> disputes, List<RefundEvent> events) {
    }

    public State state() {
        return new State(businesses.all(), payments.all(), refunds.all(), disputes.all(), outbox.events());
    }
}
