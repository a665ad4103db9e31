package org.deepbrew.data.rdata;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.deepbrew.data.rdata.Xdr.HAS_ATTR;
import static org.deepbrew.data.rdata.Xdr.IS_OBJECT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RSerializationTest {

    @Test
    void integersKeepNaAsMinValueAndDoublesTellNaFromNaN() throws Exception {
        RIntVector ints = (RIntVector) RSerialization.read(Xdr.v3().ints(0, 7, Integer.MIN_VALUE, -5).bytes());
        assertArrayEquals(new int[] {7, Integer.MIN_VALUE, -5}, ints.toArray());
        assertTrue(ints.isNA(1));
        assertFalse(ints.isNA(2));

        RDoubleVector d = (RDoubleVector) RSerialization.read(
                Xdr.v2().doubles(0, 2.5, RDoubleVector.NA, Double.NaN, -0.0).bytes());
        assertEquals(4, d.length());
        assertEquals(2.5, d.get(0));
        assertTrue(d.isNA(1), "R's NA_real_");
        assertTrue(Double.isNaN(d.get(2)) && !d.isNA(2), "a plain NaN is not NA");
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(d.get(3)));
    }

    @Test
    void stringsDecodeByTheirFlagAndNaReadsAsNull() throws Exception {
        byte[] latin1 = {'c', 'a', 'f', (byte) 0xe9};
        byte[] bytes = Xdr.v3().i(16).i(4).chars("plain").chars(null).chars("Müller")
                .i(9 | (1 << 2 << 12)).i(4).raw(latin1).bytes();
        RStringVector s = (RStringVector) RSerialization.read(bytes);
        assertEquals(Arrays.asList("plain", null, "Müller", "café"), s.asList());
        assertTrue(s.isNA(1));
    }

    @Test
    void factorsCarryTheirLevelsThroughAttributes() throws Exception {
        // factor(c("b", NA, "a", "b")): codes into sorted levels, attributes as a tagged pairlist.
        byte[] bytes = Xdr.v3().ints(HAS_ATTR | IS_OBJECT, 2, Integer.MIN_VALUE, 1, 2)
                .cell().symbol("levels").strings(0, "a", "b")
                .cell().symbol("class").strings(0, "factor").nil().bytes();
        RIntVector f = (RIntVector) RSerialization.read(bytes);
        assertTrue(f.isFactor());
        assertEquals(List.of("a", "b"), f.attributes().strings("levels"));
        assertEquals("b", f.level(0));
        assertNull(f.level(1));
        assertEquals("a", f.level(2));
    }

    @Test
    void symbolsWrittenOnceAreFoundAgainThroughReferences() throws Exception {
        // list(x = list(a = 1L), y = "z"): the inner list's "names" symbol is a reference to the first.
        byte[] bytes = Xdr.v3().i(19 | HAS_ATTR).i(2)
                .i(19 | HAS_ATTR).i(1).ints(0, 1).cell().symbol("names").strings(0, "a").nil()
                .strings(0, "z")
                .cell().ref(1).strings(0, "x", "y").nil().bytes();
        RList outer = (RList) RSerialization.read(bytes);
        assertEquals(List.of("x", "y"), outer.attributes().names());
        RList inner = (RList) outer.get("x").orElseThrow();
        assertEquals(List.of("a"), inner.attributes().names());
        assertEquals(1, ((RIntVector) inner.get("a").orElseThrow()).get(0));
        assertEquals("z", ((RStringVector) outer.get(1)).get(0));
        assertFalse(outer.isNA(1));
        assertTrue(outer.get("nope").isEmpty());

        byte[] dangling = Xdr.v3().i(19 | HAS_ATTR).i(0).cell().ref(3).strings(0).nil().bytes();
        RFormatException e = assertThrows(RFormatException.class, () -> RSerialization.read(dangling));
        assertTrue(e.getMessage().contains("reference 3") && e.getMessage().contains("only 0"), e.getMessage());
    }

    @Test
    void pairlistsReadAsNamedListsAndNullAsTheSingleton() throws Exception {
        RList p = (RList) RSerialization.read(Xdr.v3().cell().symbol("k").ints(0, 4)
                .i(2).doubles(0, 1.5).nil().bytes());
        assertEquals(List.of("k", ""), p.attributes().names());
        assertEquals(1.5, ((RDoubleVector) p.get(1)).get(0));
        assertSame(RNull.NULL, RSerialization.read(Xdr.v2().nil().bytes()));
    }

    @Test
    void compactIntegerSequencesExpand() throws Exception {
        // ALTREP 1:5 as R 3.5+ writes it: info pairlist (class, package, type), state (n, start, step), attributes.
        byte[] bytes = Xdr.v3().i(238).i(2).symbol("compact_intseq").i(2).symbol("base").i(2).ints(0, 13).nil()
                .doubles(0, 5, 3, 2).nil().bytes();
        assertArrayEquals(new int[] {3, 5, 7, 9, 11}, ((RIntVector) RSerialization.read(bytes)).toArray());

        byte[] deferred = Xdr.v3().i(238).i(2).symbol("deferred_string").i(2).symbol("base").i(2).ints(0, 16).nil()
                .nil().nil().bytes();
        RFormatException e = assertThrows(RFormatException.class, () -> RSerialization.read(deferred));
        assertTrue(e.getMessage().contains("deferred_string"), e.getMessage());
    }

    @Test
    void valuesCompareByContentAndPrintBriefly() throws Exception {
        byte[] plain = Xdr.v3().ints(0, 1, 2, 3, 4, 5, 6, 7).bytes();
        byte[] named = Xdr.v3().ints(HAS_ATTR, 1, 2, 3, 4, 5, 6, 7).cell().symbol("names")
                .strings(0, "a", "b", "c", "d", "e", "f", "g").nil().bytes();
        assertEquals(RSerialization.read(plain), RSerialization.read(plain));
        assertEquals(RSerialization.read(plain).hashCode(), RSerialization.read(plain).hashCode());
        assertFalse(RSerialization.read(plain).equals(RSerialization.read(named)), "attributes count");
        assertFalse(RSerialization.read(plain).equals(RSerialization.read(Xdr.v3().doubles(0, 1, 2, 3, 4, 5, 6, 7).bytes())));
        assertEquals("integer[7] [1, 2, 3, 4, 5, 6, ...]", RSerialization.read(plain).toString());
    }

    @Test
    void truncatedStreamsSayWhatWasCutAndWhere() {
        byte[] whole = Xdr.v3().doubles(0, 1, 2, 3).bytes();
        byte[] cut = Arrays.copyOf(whole, whole.length - 5);
        RFormatException e = assertThrows(RFormatException.class, () -> RSerialization.read(cut));
        assertTrue(e.getMessage().contains("truncated") && e.getMessage().contains("double vector of 3")
                && e.getMessage().contains("byte 31"), e.getMessage());

        RFormatException header = assertThrows(RFormatException.class,
                () -> RSerialization.read("PK\3\4junk".getBytes()));
        assertTrue(header.getMessage().contains("not an R serialization stream"), header.getMessage());
        RFormatException ascii = assertThrows(RFormatException.class, () -> RSerialization.read("A\n3\n".getBytes()));
        assertTrue(ascii.getMessage().contains("ASCII"), ascii.getMessage());
        RFormatException version = assertThrows(RFormatException.class,
                () -> RSerialization.read(patchVersion(Xdr.v2().nil().bytes(), 9)));
        assertTrue(version.getMessage().contains("version 9"), version.getMessage());
    }

    @Test
    void unsupportedTypesAreNamed() {
        byte[] closure = Xdr.v3().i(3).nil().bytes();
        RFormatException e = assertThrows(RFormatException.class, () -> RSerialization.read(closure));
        assertTrue(e.getMessage().contains("CLOSXP (3)") && e.getMessage().contains("byte 23"), e.getMessage());

        byte[] env = Xdr.v3().i(19).i(1).i(4).bytes();
        e = assertThrows(RFormatException.class, () -> RSerialization.read(env));
        assertTrue(e.getMessage().contains("ENVSXP (4)"), e.getMessage());
    }

    @Test
    void gzippedStreamsAreUnpackedFirst() throws Exception {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(Xdr.v3().strings(0, "rds").bytes());
        }
        RValue v = RSerialization.read(new ByteArrayInputStream(gz.toByteArray()));
        assertEquals(List.of("rds"), ((RStringVector) v).asList());
    }

    private static byte[] patchVersion(byte[] stream, int version) {
        stream[5] = (byte) version;
        return stream;
    }
}
