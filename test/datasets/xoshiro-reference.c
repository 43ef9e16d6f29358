/* Reference values for test/datasets/random.test.ts.
 * SplitMix64 and xoshiro128** as in Blackman & Vigna's public-domain reference code
 * (splitmix64.c, xoshiro128starstar.c); the 53-bit double as in genrand_res53.
 * Build and run:  gcc -O2 -o /tmp/xoshiro-reference test/datasets/xoshiro-reference.c -lm && /tmp/xoshiro-reference
 */
#include <stdint.h>
#include <stdio.h>
#include <inttypes.h>
#include <math.h>

static uint64_t sm;
static uint64_t splitmix64(void) {
  uint64_t z = (sm += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

static uint32_t s[4];
static inline uint32_t rotl(const uint32_t x, int k) { return (x << k) | (x >> (32 - k)); }
static uint32_t next(void) {
  const uint32_t result = rotl(s[1] * 5, 7) * 9;
  const uint32_t t = s[1] << 9;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl(s[3], 11);
  return result;
}

static void seed(uint64_t x) {
  sm = x;
  uint64_t a = splitmix64(), b = splitmix64();
  s[0] = (uint32_t)a; s[1] = (uint32_t)(a >> 32);
  s[2] = (uint32_t)b; s[3] = (uint32_t)(b >> 32);
}

static double res53(void) {
  uint32_t a = next() >> 5, b = next() >> 6;
  return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
}

/* Marsaglia's polar method: returns u·f and keeps v·f for the next call */
static int has_spare = 0;
static double spare;
static double polar(void) {
  if (has_spare) { has_spare = 0; return spare; }
  double u, v, q;
  do {
    u = 2 * res53() - 1;
    v = 2 * res53() - 1;
    q = u * u + v * v;
  } while (q >= 1 || q == 0);
  double f = sqrt(-2 * log(q) / q);
  spare = v * f; has_spare = 1;
  return u * f;
}

int main(void) {
  sm = 0;
  uint64_t first = splitmix64();
  uint64_t second = splitmix64();
  printf("splitmix64(0): %016" PRIx64 " %016" PRIx64 "\n", first, second);
  uint64_t seeds[] = {0, 1, 42, 20240601, 0xffffffffffffffffULL};
  for (int i = 0; i < 5; i++) {
    seed(seeds[i]);
    printf("seed %" PRIu64 " uint32:", seeds[i]);
    for (int j = 0; j < 6; j++) printf(" %" PRIu32, next());
    printf("\n");
    seed(seeds[i]);
    printf("seed %" PRIu64 " res53:", seeds[i]);
    for (int j = 0; j < 3; j++) {
      uint32_t a = next() >> 5, b = next() >> 6;
      printf(" %.17g", (a * 67108864.0 + b) * (1.0 / 9007199254740992.0));
    }
    printf("\n");
  }
  /* the 1000th output for seed 42 (a check deep in the stream) */
  seed(42);
  uint32_t v = 0;
  for (int j = 0; j < 1000; j++) v = next();
  printf("seed 42 output #1000: %" PRIu32 "\n", v);
  seed(42);
  printf("seed 42 polar normals:");
  for (int j = 0; j < 4; j++) printf(" %.17g", polar());
  printf("\n");
  return 0;
}
