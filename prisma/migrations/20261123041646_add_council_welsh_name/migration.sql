-- AlterTable
ALTER TABLE "Council" ADD COLUMN "welshName" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Council_welshName_key" ON "Council"("welshName");

