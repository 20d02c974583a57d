package dev.refunds.application.webhook;


final class SequentialWebhookIds implements WebhookIds {
    private int endpoints;
    private int deliveries;
    private int secrets;

    @Override
    public String newEndpointId() {
        return "we_" + ++endpoints;
    }

    @Override
    public String newDeliveryId() {
        return "wd_" + ++deliveries;
    }

    @Override
    public String newSecret() {
        return "whsec_c2VjcmV0LW51bWJlci0" + ++secrets;
    }
}
