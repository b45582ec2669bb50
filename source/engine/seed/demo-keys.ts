/**
 * Fixed key material of the demo dataset (its two keys and its certificates), so the engine starts in well under 20 ms
 * (generating an RSA 2048 key takes ~50–100 ms). Demo-only keys: they protect nothing real.
 */
export const DEMO_RSA_2048_JWK: Record<string, string> = {
    kty: 'RSA',
    n: 'sjzwS6ju6tLXb_5Lpu9laa3gMeecXa9gJ6IegCoGGwoJjX445tXo1qda2AF3oxH3fb_Lxl3EauWChQw7gMf4WYeu13jmgY5fokaV8hHz7Z0pvt0pKZe8utFzEwuxuv1XmEMcA8etiupOqwLdt163N7WiPCRf5G4LKVOYtVGS5PajEVwPVJMfVCLXHUQ3l5zD_vZb7e6eUmNIx36L2eC5DwELmNVJiyf_NbrbyR1FnvU5EOX4EFet0z_3V7R3RzsiK7bSx6YO8UAO7DiCAJD1kUhKU0sPRNdM4kdzCKAY_ILBv30XpFUKrIQWt6xHkI2MIlUJWpVc26bTsep0w9fuhw',
    e: 'AQAB',
    d: 'N6b9ZLJfvySMLiTZnEsdgCzRVuO5mCr9PALLwTrd4y10JCDoRXM_G17v54g1wc4HV9U-HDcE8FevNDnIjoJh0hqihhby6jr5M2MUyJvAbU3oTfciNiFxxWdGpgi9uuQFqL4zjh6X2kskuxLPBcVmMdfdyyeUZW_Svlmi0eKhmim-J53Xkct8lJkE_rZl0S2-BLnN84lm9BqLo29qUN0n9OEbADyIGmfz2T_GK59gYCfC26pvqf4jZvPNUJ-LvshwRMi2y0H6Sqpru6ag0Y1gQapRyqkpojuWX0uqeKU_T9d3DT-sEfLD8TTqVE30s5yocw1NKKr7cYV1jKVdezK9cQ',
    p: '72bNkzOgaUFo3yiBqG48wJSer9v7VrYmJh4wJVaK30m15j5WY_dVSbjfvs5-wwN9M9YuaX5iw5gN7XcxC4PAfQ6cwt1K8HUylpqAM6t4IKRu9PNpApFOu777WHA1gE4imsITilDwPf_kbFpEC1hc6fCJoc_ZxsH41qanYWEhVL8',
    q: 'vpiHdtdi5k_oP-TniIYeu0_sOXiBiqwSGleZqoDj0h0nN7OzWTyZmIlCJ-7gqkVlSs6JOhHT645jED1N_Ad7tSyaNhj1wMlIZsQpEZecvl5SzbmFPnAJhDQfjqzjDANmIjO1-VhcyB7yA7-ynAEglPy3UpmUsK23W5vSEV1H8Dk',
    dp: 'e3u_VcovV5tRiKnQFxylYYBHSdZiEhvqGYdAtkGpZ_sRRC2rSeztpRUi87x3TgeisPYtAmUadGEd7fqo5ZOT2e2Llkemu9j3uw7-SaiMUen_AYH8DEL_JYAhDUDzl7a1yrWIdrPA93niTLFSn7d4VYKouzoGzqqGu9FCTMxY8Ok',
    dq: 'QmOG7BJiVK8IyxjEvX1aPwy7z9j15oPBWoOg9w8mTA3zlyd1FWRSbBuDe71tbGH3wnLmwd9r3eUfBI0WGO_SW21J2gYftCNooMM7OvGAm57nYNl6XCFSb0Zop535CDo23Tr96_ineN2ulzey0zxhSQQuJwtwC4q3D6XbKkk_waE',
    qi: 'is6wGWZ6rxoHJhxlK5Tu6f9iT14LV9MxWy_iBRG0svsPLoOFYhRqCo9WyU1iSV8QFWGY_JDSOzUpI_tZJSEWIUb2uNgyeMajwvearrowxLFDcbmpegiB06SidQ5oqxaTQWVxlUCpvoXC4SPYTxIeVfUKbDk1JiMhUktq_TVReXs',
  };

export const DEMO_EC_P256_JWK: Record<string, string> = {
    kty: 'EC',
    x: 'y1cqGRZMXlgovhgwnqspGjsXIMtPzQKkePd_cjMmoYU',
    y: 'R9IsxinoVLmUsPgM2r2hEMJYE_syYWE58oYmuOPULzA',
    crv: 'P-256',
    d: 'uNBoUBSEjeJnmQLkomOHffUwYX14YdY4NRT5U08K5Eg',
  };

/** The key of the demo certificate contoso-web-tls (RSA 2048). */
export const DEMO_WEB_TLS_JWK: Record<string, string> = {
    kty: 'RSA',
    n: 'tUFYgBuZBZbnwVmUpM9kY_EsFHC9shxB_vLVc1D2Llqj9MvB7W_jLU0l3y2TlWagA_RffST86KyMbOVBug9aAstmLOwwtzlJJbUZ9mLoibtcJesavKwGrj74VsUKw0LbbSJ8FDz6TUMe8D59_Rw6adStFZNFwyJmytUSgMELAfnf4UpyZ1cOva3fdLwUECelta0EysIVAbs1TghIYttQGXTF2qcP2iA1yfsNrrlp2zLjsANe_NLPwrJk0TcH5-8AXO_-6cXZh5SnzxeVyZhkR9R_ngEhtbs2qN3WSLoF8pEd8UmFEYzMkRfxawwalkEZ4xFtgffe8a7haObpa0lz3Q',
    e: 'AQAB',
    d: 'EXrZDle7AOU9-fFJ6r_-cj34ror13Fapzay9BYc2Cp_epnW9AMk0yzJgt951GGgif-ciC1dVFZpIW5sbZNZkq5bShnwLsavSYFLQC2kb_GZne1eqRy4-4bB8ch_ECzMoJqT3-tqrl-Zkdi5Mp6uAfaLPQ2Clzm0DpUV5qJWVWm4FSs9yY0Nk_VZqmOSXhQ3W9JCYJxyP6TAma0MAHnxG_yudC4AMtpasKeX-jlKYpq0Li7Gzmr_7f-qjGHvjjsnzNDOLKW0VcwSYcj1GFuXrnaTbD9jINr8-vNYEvviO3C12e7PRQw1rxegAwIMojXHBnupjmBlTZv8tNf24erERQQ',
    p: '2UmmMaETBjsKeWC5hXb3Yk4e7cIkX4D7XU-PhOC9Jf9irYflibncgCpdRXu8wnWkyVO9dwewsRMYizStCZAleToVHK3kzcoBC8rmIKIwVNJH8RuMVumhNW--u0MzVm18AE-MfwzUVg4Bu7V2gShXCVgTAYTP8SThoZ-SpXI4ZME',
    q: '1YxHzZc9C8q6-aJtVL3Z2zCRX0aPL-h_8XRvVLfhxctDp2lnhh7UyYTBW25e7fcUo_xePMGTznhtkVic_RHn96wiwTlJdkOLTrMVbNfvkYHSuQgG4VEUjCF8m34taPDiAzS1LVqSswh6V1kOEWFDqycUEjscd0zs1Z3j_2wWih0',
    dp: 'WqOYSheQ4gZ65grtGLl5lG5WBIP5vEUHlfL8QUemX1VbClwn6f2391a0talaIhwE816VKDPzBsqacGc2z0hr-Ve7Os1nJljfetXWjUJauudEz1TYg-DNOIc2ntL3dVQSZ-bHCrCFWqhZHL4jgtkbBXDR7M5EF6l03YC9IXq1_4E',
    dq: 'Hdc6eWo255zuv8-Iw5y8ArsotU2g2Kr-pfkFTatca01aKNy70KwiQ_6_Hk2wCkTKp5eue4L5apK9jN_7IAoOhjeRq7qbn2EU6GxyBAGwwn6Hub97ZqTz4BkV1oytP8rZamVFJA9SDJ6UqfwR0S_sStBtJ5cHBUzEk506rQinpak',
    qi: 'KT9Xf8JE5rmSf7KEYU31VvG67Ch0YB0UzJXgdaGTDEdzsnOYNTXOg3Qpg_MfHoD-pXIK-uu2HbHEFDZVuIrhoZS5BvEUfFRjW7hxcXkB_pmBx6jclrj3uj8-Tft8eNmfBpQoipkChGP-uasB4zjCkWLeng6m4G8A-O15SOAEnGE',
  };

/** The key of the demo certificate partner-mtls (EC P-256). */
export const DEMO_PARTNER_MTLS_JWK: Record<string, string> = {
    kty: 'EC',
    x: '_oY8R9PKFok0cNPhM8PJ1xm2GX8lDOwzdBJKbRP6Xrg',
    y: '7q2e0w6VBAbEyQMCBC4yYu_w3QOXAmN3E9lBzGYRYFQ',
    crv: 'P-256',
    d: 'podv1HCqwD2H0lZ207Hzns7Tf-92ZEl9d8RGxg2rP30',
  };

/** The key of the partner CA that issued partner-mtls (RSA 2048; only its signature is in the vault). */
export const DEMO_PARTNER_CA_JWK: Record<string, string> = {
    kty: 'RSA',
    n: 'xyYLiuQryaAd302hcEDU1wERLfDbKnXT_wxDeCvE92ZQPky6zDZ3nG5oQjSj1L7kQ2iEFmAY-uJszMin-xtEXIC8vPZcN7eATErNmsvmll5P01CFVQ-KsYZkrQjaCsnLbZaVcMrMSwx0pExIBCtFnzvIyBxiyLxj1ecOmrNM8cJTmm4lTNM0mCO4Rqqmr-qF5Cpabgztg8sYHVBVqZc551sbJsUQcnXqwUsshLMD2VFIPvbeNvYwBO0vbPJaaSKS2_V49nOhJNLRbiteoLKGjzC0VbgEyPJqKTw1WOEMtg_dL8sCYyvsGLzLU1iO_12cUKH9QkbvZOaU01gc_HEsKQ',
    e: 'AQAB',
    d: 'CmhtgjQPKjAkXFP60KdavrF1rxbfS9AXpPgEaK0YIK2BgRgFsf_tiJWByZmY4r8zpjNtDJxRTrKM6OqNuOmbM4U45MLjw-ri5iajEAJOPUqViNMBY0ldWfTO1MPZkJnGRQzX9F3TVBLFEwPqxmkA8DCYLp-Pj00lOWJXfydJKXm2OMMhFtyCq9qIjteuARXViYKFjSfW05-0bMjVSssGqH7tdZqBARWAKq6LLJj2wXFEUnja91aZH-PEWaC3yJfh9IERQ0xPP0UQ5aeSg1_Qif3MhQivWXDx3zTbT3fgDfPVOFsNb9ag_bCEuw79qf0RV8QfSz5yL-BdMM5VKzUP9w',
    p: '_SqIf0JjqII4ZCL4JqXiDYuIkM3TNNZI6Tul1c-MKOYNSNVHF8KoTDL8T3Od_m6tgRmLwu3w3UXTOdL7RIhEHo3H3UACjqy9JogmxS-ppi4od2wuXkhNqf-8uX6qjeS-0rYG304wjCN5xAjSdxq65kysq1V3r2FHGma_oT2Q1Hc',
    q: 'yWC4docbIXnP4eXHI_d6qtEB8k9RTc5z3ceGNrjL5djkUZCZixXg4ldN7NHABStgS7Lkcqq_w2gScd5Rxueg0XNFZrU9ipi1bKEONMhU50UTYZX7nmftPBp-vDBRLyXQUHFcFNB32yO4kRhkeuIm2mXC4SBdJWWPv1bBEgMZTF8',
    dp: 'oYd81e2vFnoXrtSdDlOy-r93oCSjSMgcdyvGsLgfDo1SFpF2LdPWe9_gGnWDbi6B56g8A2C72QLPNcrG5UAobnI5_pHzz8KpYSdnzVKO5Of4i9Hrd96cJwZ0DMqj2asEkf7wPZRu50tPSuPyHWphq8VqOltq5OylaFP8ms1kVhs',
    dq: 'bKh1n-7yorN5iehT9YI5fCXeqQJHWnZFaquYLbq0uka3m5MsZjHd8AMvltLui1uGUBIs1fpwEl37ZdmRwoOE8L8D-ZFdrYUMj5qvcaeOuGM7O_KTnDtzdHTPYXeotonuxxkDmG-L3IB_vDqvLOcOE9XIu3SdDeqpD5MeBjwJ0H0',
    qi: '5QbpK12vT9YEoJjmqDjE9tuxTqnZ2SYcu32WrrqHshLoiVcSqIL61kkIhznh8cBUtX6g822KvLEq_a5dL2JOO5mk5tRRmjSTvAVQQO8Ylnf_hqIW2V5ABpkDPeb0hZzXC-mAhsIkcHCi200hTb-VRgQOu0y40IZlp5wTw2FrZrQ',
  };
