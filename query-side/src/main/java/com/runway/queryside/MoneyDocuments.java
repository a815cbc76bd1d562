package com.runway.queryside;

import com.runway.shared.Money;
import org.bson.Document;

/** Money in a read model: the amount stays a decimal string, as in every other representation. */
public final class MoneyDocuments {

    private MoneyDocuments() {
    }

    public static Document toDocument(Money money) {
        return money == null ? null : new Document("amount", money.amount().toPlainString()).append("currency", money.currency());
    }

    public static Money fromDocument(Document document) {
        return document == null ? null : Money.of(document.getString("amount"), document.getString("currency"));
    }
}
