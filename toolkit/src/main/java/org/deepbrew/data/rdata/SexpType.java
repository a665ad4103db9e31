package org.deepbrew.data.rdata;

/**
 * The type codes of R's serialization format ({@code SEXPTYPE}s and the stream's pseudo-types),
 * kept so that an error can name what it met ("CLOSXP (3)") rather than print a bare number.
 */
enum SexpType {
    NILSXP(0), SYMSXP(1), LISTSXP(2), CLOSXP(3), ENVSXP(4), PROMSXP(5), LANGSXP(6), SPECIALSXP(7),
    BUILTINSXP(8), CHARSXP(9), LGLSXP(10), CPLXSXP(15), INTSXP(13), REALSXP(14), STRSXP(16), DOTSXP(17),
    ANYSXP(18), VECSXP(19), EXPRSXP(20), BCODESXP(21), EXTPTRSXP(22), WEAKREFSXP(23), RAWSXP(24),
    OBJSXP(25),
    ALTREP_SXP(238), ATTRLISTSXP(239), ATTRLANGSXP(240), BASEENV_SXP(241), EMPTYENV_SXP(242),
    BCREPREF(243), BCREPDEF(244), GENERICREFSXP(245), CLASSREFSXP(246), PERSISTSXP(247), PACKAGESXP(248),
    NAMESPACESXP(249), BASENAMESPACE_SXP(250), MISSINGARG_SXP(251), UNBOUNDVALUE_SXP(252),
    GLOBALENV_SXP(253), NILVALUE_SXP(254), REFSXP(255);

    private static final SexpType[] BY_CODE = new SexpType[256];

    static {
        for (SexpType t : values()) {
            BY_CODE[t.code] = t;
        }
    }

    final int code;

    SexpType(int code) {
        this.code = code;
    }

    /** "NAME (code)" for a known code, "unknown type (code)" otherwise. */
    static String describe(int code) {
        SexpType t = code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
        return (t == null ? "unknown type" : t.name()) + " (" + code + ")";
    }
}
