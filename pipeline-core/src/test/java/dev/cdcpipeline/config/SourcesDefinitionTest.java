package dev.cdcpipeline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

class SourcesDefinitionTest {

    private static final String SINKS = """
            warehouse:
              url: jdbc:postgresql://warehouse:5432/dw
              username: loader
              password: pw
            kafka:
              bootstrap-servers: broker:9092
            """;

    @Test
    void aPostgresSourceGetsASlotAndPublicationNamedAfterThePipeline() {
        PipelineDefinition definition = PipelineDefinitionParser.parse("""
                pipeline:
                  name: shop-mirror
                source:
                  type: postgres
                  hostname: pg.example.com
                  username: cdc
                  password: ${PG_PASSWORD}
                  database: shop
                  tables: public.orders
                """ + SINKS, Map.of("PG_PASSWORD", "pw"));

        PostgresSourceSettings source = (PostgresSourceSettings) definition.sources().get(0);
        assertThat(source.name()).isEqualTo("postgres");
        assertThat(source.port()).isEqualTo(5432);
        assertThat(source.database()).isEqualTo("shop");
        assertThat(source.slotName()).isEqualTo("cdc_shop_mirror_postgres");
        assertThat(source.publicationName()).isEqualTo("cdc_shop_mirror_postgres");
        assertThat(source.heartbeatInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(definition.warehouse().orElseThrow().tableName()).isEqualTo("{database}_{table}");
    }

    @Test
    void severalSourcesPutTheSourceNameIntoTableAndTopicNames() {
        PipelineDefinition definition = PipelineDefinitionParser.parse("""
                pipeline:
                  name: shop
                  parallelism: 2
                sources:
                  - type: mariadb
                    name: orders_db
                    hostname: maria
                    username: cdc
                    password: pw
                    tables: shop.orders
                  - type: postgres
                    name: crm
                    hostname: pg
                    username: cdc
                    password: pw
                    database: crm
                    tables: public.\\.*
                    slot-name: crm_slot
                """ + SINKS, Map.of());

        assertThat(definition.sources()).extracting(SourceSettings::name).containsExactly("orders_db", "crm");
        assertThat(((PostgresSourceSettings) definition.sources().get(1)).slotName()).isEqualTo("crm_slot");
        assertThat(definition.warehouse().orElseThrow().tableName()).isEqualTo("{source}_{database}_{table}");
        assertThat(definition.kafka().orElseThrow().topic()).isEqualTo("{pipeline}.{source}.{database}.{table}");
    }

    @Test
    void sourcesNeedDistinctNamesAndTheirOwnProblemsAreNamedByIndex() {
        assertThatThrownBy(() -> PipelineDefinitionParser.parse("""
                pipeline:
                  name: shop
                sources:
                  - type: mysql
                    hostname: a
                    username: cdc
                    password: pw
                    tables: shop.orders
                  - type: mysql
                    hostname: b
                    port: nine
                    username: cdc
                    password: pw
                    tables: shop.orders
                """ + SINKS, Map.of()))
                .isInstanceOf(PipelineConfigException.class)
                .satisfies(error -> assertThat(((PipelineConfigException) error).getProblems()).containsExactly(
                        "sources[1].port: expected an integer between 1 and 65535, got 'nine'"));

        assertThatThrownBy(() -> PipelineDefinitionParser.parse("""
                pipeline:
                  name: shop
                sources:
                  - {type: mysql, hostname: a, username: cdc, password: pw, tables: shop.orders}
                  - {type: mysql, hostname: b, username: cdc, password: pw, tables: shop.orders}
                """ + SINKS, Map.of()))
                .satisfies(error -> assertThat(((PipelineConfigException) error).getProblems()).containsExactly(
                        "sources[1].name: expected a name no other source has, got 'mysql' again (give each source its own name)"));
    }

    @Test
    void sourceAndSourcesTogetherIsAProblem() {
        assertThatThrownBy(() -> PipelineDefinitionParser.parse("""
                pipeline:
                  name: shop
                source:
                  type: mysql
                sources:
                  - type: mysql
                """ + SINKS, Map.of()))
                .satisfies(error -> assertThat(((PipelineConfigException) error).getProblems())
                        .contains("source, sources: expected one of these sections, got both"));
    }
}
