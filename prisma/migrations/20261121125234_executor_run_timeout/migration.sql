-- AlterEnum
ALTER TYPE "ExecutorJobKind" ADD VALUE 'RUN_TIMEOUT';
