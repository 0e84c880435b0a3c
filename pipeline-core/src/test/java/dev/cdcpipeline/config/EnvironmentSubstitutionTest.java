package dev.cdcpipeline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentSubstitutionTest {

    private final EnvironmentSubstitution substitution = new EnvironmentSubstitution(
            Map.of("PGHOST", "pg.example.com", "PGPORT", "6432", "EMPTY", ""));

    @Test
    void leavesTextWithoutReferencesAlone() {
        assertThat(substitution.substitute("pa$$word {x} $PGHOST")).isEqualTo("pa$$word {x} $PGHOST");
    }

    @Test
    void replacesSeveralReferencesInOneValue() {
        assertThat(substitution.substitute("jdbc:postgresql://${PGHOST}:${PGPORT}/db"))
                .isEqualTo("jdbc:postgresql://pg.example.com:6432/db");
    }

    @Test
    void usesTheDefaultWhenTheVariableIsUnsetOrEmpty() {
        assertThat(substitution.substitute("${MISSING:-5432}")).isEqualTo("5432");
        assertThat(substitution.substitute("${EMPTY:-fallback}")).isEqualTo("fallback");
        assertThat(substitution.substitute("${PGPORT:-5432}")).isEqualTo("6432");
        assertThat(substitution.substitute("${MISSING:-}")).isEmpty();
    }

    @Test
    void keepsAnEmptyValueWhenNoDefaultIsGiven() {
        assertThat(substitution.substitute("[${EMPTY}]")).isEqualTo("[]");
    }

    @Test
    void namesEveryUnsetVariable() {
        assertThatIllegalArgumentException().isThrownBy(() -> substitution.substitute("${MYSQL_PASSWORD}"))
                .withMessage("environment variable MYSQL_PASSWORD is not set");
        assertThatIllegalArgumentException().isThrownBy(() -> substitution.substitute("${A}:${PGHOST}:${B}:${A}"))
                .withMessage("environment variables A, B are not set");
    }

    @Test
    void escapesOnlyTheSubstitutedValuesWhenAskedTo() {
        EnvironmentSubstitution quoting = new EnvironmentSubstitution(Map.of("PASSWORD", "it's"));

        assertThat(quoting.substitute("'don''t' ${PASSWORD} ${MISSING:-a'b} $${X}", value -> value.replace("'", "''")))
                .isEqualTo("'don''t' it''s a''b ${X}");
    }

    @Test
    void writesALiteralReferenceStartForADoubledDollar() {
        assertThat(substitution.substitute("pa$${PGHOST}")).isEqualTo("pa${PGHOST}");
    }

    @Test
    void rejectsMalformedReferencesWithoutQuotingTheValue() {
        for (String malformed : new String[] {"secret${", "secret${PGHOST", "${1ABC}", "${PGHOST:default}", "${}"}) {
            assertThatIllegalArgumentException().as(malformed).isThrownBy(() -> substitution.substitute(malformed))
                    .withMessageStartingWith("malformed environment variable reference")
                    .withMessageNotContaining("secret");
        }
    }
}
