package com.runway.payment.command;

/** The provider's answer to an authorisation request; {@code detail} is its code or decline reason. */
public record AuthorisationDecision(Outcome outcome, String detail) {

    public enum Outcome { APPROVED, DECLINED, NO_RESPONSE }

    public static AuthorisationDecision approved(String authorisationCode) {
        return new AuthorisationDecision(Outcome.APPROVED, authorisationCode);
    }

    public static AuthorisationDecision declined(String reason) {
        return new AuthorisationDecision(Outcome.DECLINED, reason);
    }

    public static AuthorisationDecision noResponse() {
        return new AuthorisationDecision(Outcome.NO_RESPONSE, null);
    }
}
