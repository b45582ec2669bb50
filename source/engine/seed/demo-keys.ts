/**
 * Fixed key material of the demo dataset's two keys, so the engine starts in well under 20 ms
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
