package org.jheartbeat.messaging.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HaMessageTest {

    private static final byte[] UUID = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};

    private final HaMessage status = HaMessage.builder(MessageTypes.STATUS)
            .string("st", "active")
            .hex("dt", 1000)
            .decimal("protocol", 1)
            .binary("srcuuid", UUID)
            .hex("seq", 0x230)
            .decimal("ttl", 3)
            .build();

    @Test
    void keepsFieldsInBuildOrderWithHeartbeatNumberFormats() {
        assertThat(status.fields()).extracting(HaField::name)
                .containsExactly("t", "st", "dt", "protocol", "srcuuid", "seq", "ttl");
        assertThat(status.fields()).extracting(HaField::type).containsExactly(FieldType.STRING,
                FieldType.STRING, FieldType.STRING, FieldType.STRING, FieldType.BINARY, FieldType.STRING,
                FieldType.STRING);
        assertThat(status.get("dt")).isEqualTo("3e8");
        assertThat(status.get("seq")).isEqualTo("230");
        assertThat(status.type()).isEqualTo("status");
    }

    @Test
    void readsNumbersAndBinaries() {
        assertThat(status.getHex("seq")).isEqualTo(0x230);
        assertThat(status.getHex("dt")).isEqualTo(1000);
        assertThat(status.getDecimal("ttl")).isEqualTo(3);
        assertThat(status.getBinary("srcuuid")).containsExactly(UUID);
        assertThat(status.get("absent")).isNull();
        assertThat(status.getBinary("absent")).isNull();
        assertThat(status.has("st")).isTrue();
        assertThat(status.has("absent")).isFalse();
    }

    @Test
    void hexRoundTripsTheWholeUnsignedRange() {
        HaMessage message = HaMessage.builder().hex("a", -1).hex("b", Long.MAX_VALUE).decimal("c", -42).build();
        assertThat(message.get("a")).isEqualTo("ffffffffffffffff");
        assertThat(message.getHex("a")).isEqualTo(-1);
        assertThat(message.getHex("b")).isEqualTo(Long.MAX_VALUE);
        assertThat(message.getDecimal("c")).isEqualTo(-42);
    }

    @Test
    void badOrMissingNumbersNameTheField() {
        HaMessage message = HaMessage.builder("status").string("seq", "zz").string("ttl", "3x").build();
        assertThatThrownBy(() -> message.getHex("seq")).isInstanceOf(BadFieldException.class)
                .hasMessage("field seq: 'zz' is not a hex number of 1 to 16 digits");
        assertThatThrownBy(() -> message.getDecimal("ttl"))
                .hasMessage("field ttl: '3x' is not a decimal number of 1 to 18 digits");
        assertThatThrownBy(() -> message.getHex("hg"))
                .isInstanceOfSatisfying(BadFieldException.class, e -> assertThat(e.field()).isEqualTo("hg"))
                .hasMessage("field hg: missing in message t=status");
    }

    @Test
    void firstFieldOfADuplicatedNameWins() {
        HaMessage message = HaMessage.builder().string("x", "1").string("x", "2").build();
        assertThat(message.get("x")).isEqualTo("1");
        assertThat(message.fields()).hasSize(2);
    }

    @Test
    void isImmutable() {
        byte[] uuid = UUID.clone();
        HaMessage message = HaMessage.builder().binary("u", uuid).build();
        uuid[0] = 99;
        message.getBinary("u")[1] = 99;
        message.fields().get(0).value()[2] = 99;
        assertThat(message.getBinary("u")).containsExactly(UUID);
        assertThatThrownBy(() -> message.fields().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void toBuilderAppendsWithoutChangingTheOriginal() {
        HaMessage longer = status.toBuilder().string("src", "node02").build();
        assertThat(longer.fields()).hasSize(status.fields().size() + 1);
        assertThat(longer.fields().subList(0, status.fields().size())).isEqualTo(status.fields());
        assertThat(status.has("src")).isFalse();
    }

    @Test
    void rejectsIllegalFieldNames() {
        assertThatThrownBy(() -> HaMessage.builder().string("", "v"))
                .hasMessage("field name '' must be 1 to 64 characters long");
        assertThatThrownBy(() -> HaMessage.builder().string("a=b", "v"))
                .hasMessage("field name 'a=b' character 2 is not allowed: use printable ASCII without '=', "
                        + "not starting with '('");
        assertThatThrownBy(() -> HaMessage.builder().string("a b", "v")).hasMessageContaining("character 2");
        assertThatThrownBy(() -> HaMessage.builder().string("(1)x", "v")).hasMessageContaining("character 1");
        assertThatThrownBy(() -> HaMessage.builder().string("n\u00e9", "v")).hasMessageContaining("character 2");
        assertThatThrownBy(() -> HaMessage.builder().string("x".repeat(65), "v"))
                .hasMessageContaining("must be 1 to 64 characters long");
        assertThatThrownBy(() -> HaMessage.builder().binary("auth", new byte[1]))
                .hasMessage("field name 'auth' is reserved: the codec writes the auth field itself");
        assertThat(HaMessage.builder().string("a,b(c)", "v").build().get("a,b(c)")).isEqualTo("v");
    }

    @Test
    void rejectsStringValuesTheClassicFormCannotCarry() {
        assertThatThrownBy(() -> HaMessage.builder().string("info", "two\nlines"))
                .hasMessage("field info: value must not contain a newline; put such data in a binary field");
        assertThatThrownBy(() -> HaMessage.builder().string("info", "nul\0"))
                .hasMessage("field info: value must not contain a NUL byte; put such data in a binary field");
    }

    @Test
    void equalityIsFieldsInOrder() {
        HaMessage ab = HaMessage.builder().string("a", "1").string("b", "2").build();
        assertThat(ab).isEqualTo(HaMessage.builder().string("a", "1").string("b", "2").build())
                .hasSameHashCodeAs(HaMessage.builder().string("a", "1").string("b", "2").build());
        assertThat(ab).isNotEqualTo(HaMessage.builder().string("b", "2").string("a", "1").build());
        assertThat(ab).isNotEqualTo(HaMessage.builder().string("a", "1").binary("b", new byte[] {'2'}).build());
    }

    @Test
    void printsBinaryFieldsAsHex() {
        assertThat(HaMessage.builder("status").binary("u", new byte[] {0x0f, (byte) 0xa0}).build())
                .hasToString("[t=status, u=<0fa0>]");
    }
}
