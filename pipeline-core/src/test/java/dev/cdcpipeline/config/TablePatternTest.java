package dev.cdcpipeline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class TablePatternTest {

    @Test
    void anEscapedDotIsTheRegexDotSoThisMatchesEveryTableOfTheDatabase() {
        TablePattern pattern = TablePattern.parse("shop.\\.*");

        assertThat(pattern).isEqualTo(new TablePattern("shop", ".*"));
        assertThat(pattern.matches("shop", "orders")).isTrue();
        assertThat(pattern.matches("shop", "customers")).isTrue();
        assertThat(pattern.matches("shopping", "orders")).isFalse();
        assertThat(pattern.matches("crm", "orders")).isFalse();
    }

    @Test
    void dotsAfterTheSeparatorBelongToTheTableRegex() {
        TablePattern pattern = TablePattern.parse("shop.order_.*");

        assertThat(pattern).isEqualTo(new TablePattern("shop", "order_.*"));
        assertThat(pattern.matches("shop", "order_items")).isTrue();
        assertThat(pattern.matches("shop", "order_")).isTrue();
        assertThat(pattern.matches("shop", "orders")).isFalse();
        assertThat(pattern.matches("shop", "customer_order_x")).isFalse();
    }

    @Test
    void plainNamesMatchOnlyThemselvesInFull() {
        TablePattern pattern = TablePattern.parse("shop.orders");

        assertThat(pattern).isEqualTo(new TablePattern("shop", "orders"));
        assertThat(pattern.matches("shop", "orders")).isTrue();
        assertThat(pattern.matches("shop", "orders_archive")).isFalse();
        assertThat(pattern.matches("shop", "order")).isFalse();
        assertThat(pattern.matches("eshop", "orders")).isFalse();
    }

    @Test
    void theDatabasePartMayBeARegexToo() {
        TablePattern pattern = TablePattern.parse("shop_[0-9]+.orders");

        assertThat(pattern.matches("shop_1", "orders")).isTrue();
        assertThat(pattern.matches("shop_12", "orders")).isTrue();
        assertThat(pattern.matches("shop_x", "orders")).isFalse();
    }

    @Test
    void printsTheFormThatParseReadsBack() {
        for (String written : new String[] {"shop.\\.*", "shop.order_\\.*", "shop.orders", "shop_[0-9]+.orders"}) {
            TablePattern pattern = TablePattern.parse(written);

            assertThat(pattern).as(written).hasToString(written);
            assertThat(TablePattern.parse(pattern.toString())).isEqualTo(pattern);
        }
        assertThat(TablePattern.parse("shop.order_.*")).hasToString("shop.order_\\.*");
    }

    @Test
    void rejectsEntriesWithoutTwoValidParts() {
        for (String invalid : new String[] {"orders", "shop.", ".orders", "shop\\.orders", "shop.(", "[.orders"}) {
            assertThatIllegalArgumentException().as(invalid).isThrownBy(() -> TablePattern.parse(invalid));
        }
    }
}
