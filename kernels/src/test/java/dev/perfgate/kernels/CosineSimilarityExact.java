package dev.perfgate.kernels;

/**
 * The obvious cosine similarity in double precision: the accuracy oracle for
 * {@link CosineSimilarity} and {@link dev.perfgate.kernels.reference.CosineSimilarityReference}.
 * Deliberately unoptimised: it must stay easy to check by eye.
 */
final class CosineSimilarityExact {

    private CosineSimilarityExact() {
    }

    static double[] similarities(float[] query, float[] candidates, int dimension, int count) {
        double[] result = new double[count];
        for (int c = 0; c < count; c++) {
            double dot = 0;
            double queryNorm = 0;
            double candidateNorm = 0;
            for (int i = 0; i < dimension; i++) {
                double q = query[i];
                double x = candidates[c * dimension + i];
                dot += q * x;
                queryNorm += q * q;
                candidateNorm += x * x;
            }
            result[c] = queryNorm == 0 || candidateNorm == 0
                    ? 0
                    : dot / (Math.sqrt(queryNorm) * Math.sqrt(candidateNorm));
        }
        return result;
    }
}
