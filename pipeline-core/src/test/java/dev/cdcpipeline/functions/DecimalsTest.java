package dev.cdcpipeline.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.math.BigInteger;

import org.junit.jupiter.api.Test;

class DecimalsTest {

    @Test
    void keepsTheScaleAndEveryDigit() {
        assertThat(Decimals.exactDecimalText(new BigDecimal("19.9900"))).isEqualTo("19.9900");
        assertThat(Decimals.exactDecimalText(new BigDecimal("-0.0001"))).isEqualTo("-0.0001");
        assertThat(Decimals.exactDecimalText(new BigDecimal("18446744073709551615"))).isEqualTo("18446744073709551615");
        // 0.1 + 0.2 through a double would print 0.30000000000000004
        assertThat(Decimals.exactDecimalText(new BigDecimal("0.1").add(new BigDecimal("0.2")))).isEqualTo("0.3");
        assertThat(Decimals.exactDecimalText(new BigDecimal("12345678901234567890.123456789012345678"))).isEqualTo("12345678901234567890.123456789012345678");
    }

    @Test
    void neverWritesAnExponent() {
        assertThat(Decimals.exactDecimalText(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(Decimals.exactDecimalText(new BigDecimal("1E-10"))).isEqualTo("0.0000000001");
    }

    @Test
    void writesIntegersOfAnyTypeAndKeepsNull() {
        assertThat(Decimals.exactDecimalText(42L)).isEqualTo("42");
        assertThat(Decimals.exactDecimalText((Number) Integer.valueOf(-7))).isEqualTo("-7");
        assertThat(Decimals.exactDecimalText(new BigInteger("18446744073709551615"))).isEqualTo("18446744073709551615");
        assertThat(Decimals.exactDecimalText((BigDecimal) null)).isNull();
        assertThat(Decimals.exactDecimalText((Number) null)).isNull();
    }

    @Test
    void refusesBinaryFloatingPoint() {
        assertThatIllegalArgumentException().isThrownBy(() -> Decimals.exactDecimalText(0.1d)).withMessageContaining("Double");
    }
}
