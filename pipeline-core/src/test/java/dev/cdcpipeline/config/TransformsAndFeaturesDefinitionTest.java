package dev.cdcpipeline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

class TransformsAndFeaturesDefinitionTest {

    private static final String PIPELINE = """
            pipeline:
              name: shop
            source:
              type: mariadb
              hostname: maria
              username: cdc
              password: pw
              tables: shop.\\.*
            kafka:
              bootstrap-servers: broker:9092
            """;

    @Test
    void aTransformReadsEveryStepInOrderAndTheSaltFromTheEnvironment() {
        PipelineDefinition definition = PipelineDefinitionParser.parse(PIPELINE + """
                transforms:
                  - source-table: shop.customers
                    filter: "country <> 'XX'"
                    computed-columns:
                      full_name: "first_name || ' ' || last_name"
                      signup_year: "1970 + 1"
                    mask-columns:
                      email: hash
                      phone: redact
                      backup_email: email
                    mask-salt: ${PII_SALT}
                    normalize:
                      timestamps: utc
                      time-zone: Europe/Berlin
                      decimals: text
                    drop-columns: [notes, internal_flag]
                    rename-columns:
                      full_name: name
                """, Map.of("PII_SALT", "s3cret"));

        TransformSettings transform = definition.transforms().get(0);
        assertThat(transform.sourceTable()).isEqualTo(TablePattern.parse("shop.customers"));
        assertThat(transform.source()).isNull();
        assertThat(transform.filter()).isEqualTo("country <> 'XX'");
        assertThat(transform.computedColumns()).containsExactly(
                Map.entry("full_name", "first_name || ' ' || last_name"), Map.entry("signup_year", "1970 + 1"));
        assertThat(transform.maskColumns()).containsExactly(Map.entry("email", MaskMethod.HASH),
                Map.entry("phone", MaskMethod.REDACT), Map.entry("backup_email", MaskMethod.EMAIL));
        assertThat(transform.maskSalt().value()).isEqualTo("s3cret");
        assertThat(transform.timestampsToUtc()).isTrue();
        assertThat(transform.timeZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(transform.decimalsAsText()).isTrue();
        assertThat(transform.dropColumns()).containsExactly("notes", "internal_flag");
        assertThat(transform.keepColumns()).isEmpty();
        assertThat(transform.renameColumns()).containsExactly(Map.entry("full_name", "name"));
        assertThat(transform.matches("mariadb", "shop", "customers")).isTrue();
        assertThat(transform.matches("mariadb", "shop", "orders")).isFalse();
    }

    @Test
    void transformProblemsNameTheKeyAndNeverPrintTheSalt() {
        assertThatThrownBy(() -> PipelineDefinitionParser.parse(PIPELINE + """
                transforms:
                  - source-table: customers
                    mask-columns:
                      email: scramble
                      phone: hash
                    keep-columns: [id]
                    drop-columns: [notes]
                    normalize:
                      timestamps: local
                    colour: blue
                  - source-table: shop.orders
                    mask-columns:
                      email: hash
                    mask-salt: ""
                """, Map.of()))
                .isInstanceOf(PipelineConfigException.class)
                .hasMessageContaining("transforms[0].source-table: expected database.table")
                .hasMessageContaining("transforms[0].mask-columns.email: expected one of hash, redact, email, got 'scramble'")
                .hasMessageContaining("transforms[0].mask-salt: required (and not empty) when a column is masked with hash")
                .hasMessageContaining("transforms[0].keep-columns: expected keep-columns or drop-columns, got both")
                .hasMessageContaining("transforms[0].normalize.timestamps: expected one of keep, utc, got 'local'")
                .hasMessageContaining("transforms[0].colour: unknown key")
                .hasMessageContaining("transforms[1].mask-salt: required (and not empty)");
    }

    @Test
    void aFeatureViewReadsWindowsAggregatesAndDefaultsTheLatenessToTheLongestWindow() {
        PipelineDefinition definition = PipelineDefinitionParser.parse(PIPELINE + """
                features:
                  - name: customer_orders
                    source-table: shop.orders
                    entity: customer_id
                    event-time: created_at
                    windows: [1h, 24h]
                    aggregates:
                      - {name: orders, function: count}
                      - {name: spend, function: sum, column: amount}
                      - {name: buyers, function: count-distinct, column: status}
                  - name: recent
                    source-table: shop.orders
                    source: mariadb
                    entity: customer_id
                    time-zone: Europe/Paris
                    windows: 30m
                    allowed-lateness: 5m
                    aggregates:
                      - {name: last_amount, function: latest, column: amount}
                """, Map.of());

        FeatureViewSettings view = definition.features().get(0);
        assertThat(view.name()).isEqualTo("customer_orders");
        assertThat(view.entityColumn()).isEqualTo("customer_id");
        assertThat(view.eventTime()).contains("created_at");
        assertThat(view.windows()).containsExactly(
                new FeatureWindow("1h", Duration.ofHours(1)), new FeatureWindow("24h", Duration.ofHours(24)));
        assertThat(view.allowedLateness()).isEqualTo(Duration.ofHours(24));
        assertThat(view.aggregates()).containsExactly(
                new AggregateSettings("orders", AggregateFunction.COUNT, null),
                new AggregateSettings("spend", AggregateFunction.SUM, "amount"),
                new AggregateSettings("buyers", AggregateFunction.COUNT_DISTINCT, "status"));
        FeatureViewSettings recent = definition.features().get(1);
        assertThat(recent.eventTime()).isEmpty();
        assertThat(recent.source()).isEqualTo("mariadb");
        assertThat(recent.timeZone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(recent.allowedLateness()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void featureViewProblemsNameTheViewAndKey() {
        assertThatThrownBy(() -> PipelineDefinitionParser.parse(PIPELINE + """
                features:
                  - name: Customer Orders
                    source-table: shop.orders
                    windows: [1h, 0h, 1w, 1h]
                    aggregates:
                      - {name: spend, function: sum}
                      - {name: spend, function: median, column: amount}
                  - name: twice
                    source-table: shop.orders
                    entity: customer_id
                    windows: 1h
                  - name: twice
                    source-table: shop.orders
                    entity: customer_id
                    windows: 1h
                    aggregates:
                      - {name: orders, function: count}
                """, Map.of()))
                .isInstanceOf(PipelineConfigException.class)
                .hasMessageContaining("features[0].name: expected a name of 1 to 48 characters")
                .hasMessageContaining("features[0].entity: required key is missing")
                .hasMessageContaining("features[0].windows[1]: expected a window length")
                .hasMessageContaining("features[0].windows[2]: expected a window length")
                .hasMessageContaining("features[0].aggregates[0].column: required by function sum")
                .hasMessageContaining("features[0].aggregates[1].function: expected one of count, sum, avg, min, max, latest, count-distinct, got 'median'")
                .hasMessageContaining("features[1].aggregates: required key is missing");
    }

    @Test
    void twoViewsWithOneNameAreRefused() {
        String view = """
                  - name: orders_by_customer
                    source-table: shop.orders
                    entity: customer_id
                    windows: 1h
                    aggregates:
                      - {name: orders, function: count}
                """;
        assertThatThrownBy(() -> PipelineDefinitionParser.parse(PIPELINE + "features:\n" + view + view, Map.of()))
                .isInstanceOf(PipelineConfigException.class)
                .hasMessageContaining("features: expected a distinct name per feature view, got 'orders_by_customer' twice");
    }

    @Test
    void theDeadLetterTopicDefaultsToOnePerPipeline() {
        PipelineDefinition definition = PipelineDefinitionParser.parse(PIPELINE, Map.of());

        assertThat(definition.kafka().orElseThrow().deadLetterTopic()).isEqualTo("{pipeline}.dead-letters");
        assertThat(definition.transforms()).isEmpty();
        assertThat(definition.features()).isEmpty();
    }

    @Test
    void theProducersMaxRequestSizeIsCheckedBecauseThePipelineReadsItToo() {
        assertThatThrownBy(() -> PipelineDefinitionParser.parse(PIPELINE.replace("bootstrap-servers: broker:9092",
                "bootstrap-servers: broker:9092\n  properties.max.request.size: 1MB"), Map.of()))
                .isInstanceOf(PipelineConfigException.class)
                .hasMessageContaining("kafka.properties.max.request.size: expected an integer >= 4096, got '1MB'");
    }
}
