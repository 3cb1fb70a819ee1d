import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { Accordion, AccordionContent, AccordionItem, AccordionTrigger } from "@/components/ui/accordion";

export default function FaqPage() {
  return (
    <main className="p-8">
      <Tabs defaultValue="kids">
        <TabsList>
          <TabsTrigger value="kids">Kids</TabsTrigger>
          <TabsTrigger value="adults">Adults</TabsTrigger>
        </TabsList>
        <TabsContent value="kids">Swimming lessons from age four.</TabsContent>
        <TabsContent value="adults">Evening lanes every weekday.</TabsContent>
      </Tabs>
      <Accordion type="single" collapsible>
        <AccordionItem value="a">
          <AccordionTrigger>Do I need to book?</AccordionTrigger>
          <AccordionContent>Yes, online or at the desk.</AccordionContent>
        </AccordionItem>
      </Accordion>
    </main>
  );
}
