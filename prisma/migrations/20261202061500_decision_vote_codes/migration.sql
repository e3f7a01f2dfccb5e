-- AlterTable
ALTER TABLE "Decision" ADD COLUMN     "vote" JSONB;
